#include "app/demo.h"

#include "app/crypto.h"
#include "app/register_csv.h"
#include "app/schools.h"

namespace steward {
namespace {

// Seed 000 as a register CSV; its risk assessments are dated "December 2016".
constexpr const char* kDemoRegister = R"csv(section,name,providers,website,purposes,data_shared,description,controls,risk_assessment_date
pupils,Accelerated Reader,Renaissance Learning,http://www.renlearn.co.uk/accelerated-reader/,Reading assessment,full name; UPN; date of birth; gender; assessment data,,,2016-12-01
pupils,ClassDojo,Class Twist Inc,https://www.classdojo.com,Behaviour management; communication; publicity,full name; communications; photographs; assessment data,,,2016-12-01
pupils,Classroom Monitor,Prime Principle,http://www.classroommonitor.co.uk/,pupil tracking and assessment,full name; date of birth; UPN; gender; SEN; pupil premium; FSM; photographs,,,2016-12-01
pupils,Google G Suite for Education,Google,https://www.google.co.uk/edu/,email; apps; file storage; learning platform; Chromebook logins,full name,,,2016-12-01
pupils,Lexia Core 5,Lexia Reading (Rosetta Stone),http://www.lexialearning.com/products/core5,Reading assessment and resources,full name; class; assessment data,,,2016-12-01
pupils,"Mathletics, Spellodrome, Reading Eggs",3P Learning,http://uk.mathletics.com/,Maths assessment and resources,full name; date of birth; gender,,,2016-12-01
pupils,School Comms,Isuz Ltd. trading as Schoolcomms,https://schoolcomms.com/,Messaging; payments,full name; address; telephone numbers; email addresses; parent/contact names,,,2016-12-01
pupils,The Reading Cloud,Micro Librarian Systems,https://www.readingcloud.net/,library management,full name; date of birth; class; UPN; gender,,,2016-12-01
management,Google G Suite for Education,Google,https://www.google.co.uk/edu/,email; apps; file storage; learning platform,,details of students stored or transmitted in files or mentioned in emails.,,2016-12-01
management,SIMS,Capita,,registration on mobile devices,full name; parent/contact names; telephone numbers; attendance data,"pupil names, contact details, attendance data",,2016-12-01
management,Durham County Council,Durham County Council,http://www.durham.gov.uk/article/2259/Privacy-and-data-protection,Local authority school management systems; email,all student information; communications,"all student information, all school information, communications",,2016-12-01
other,iPads/iCloud,Apple,http://www.apple.com/uk/icloud/,,photographs; notes,photos or notes synchronised using iCloud,Staff acceptable use policy only allows organisation accounts to be used so any data will remain private.,2016-12-01
other,Kindle,Amazon,https://www.amazon.co.uk/,,,none,Staff acceptable use policy only allows organisation accounts to be used so any data will remain private.,2016-12-01
other,School Website,"GoDaddy; Crook Primary School",http://crookprimary.org.uk/privacy,,photographs; full name,photos or names,All information published is subject to school policies. Explicit permission will be sought before publishing images of students.,2016-12-01
other,Social Media,"Facebook; Twitter; Youtube; Crook Primary School",http://crookprimary.org.uk/privacy,,photographs; full name,photos or names,All information published is subject to school policies. Explicit permission will be sought before publishing images of students.,2016-12-01
)csv";

}  // namespace

DemoLogin load_demo(Store& store) {
  Actor operator_ = Actor::command_line();
  DemoLogin demo;
  store.transaction([&] {
    School s;
    s.slug = "crook-primary";
    s.name = "Crook Primary School";
    s.local_authority = "Durham County Council";
    s.dpo_contact = "dpo@crook-primary.example";
    demo.school = create_school(store, operator_, s);
    import_register_csv(store, operator_, demo.school, kDemoRegister, false);
    demo.email = "dpo@crook-primary.example";
    demo.password = random_token(8);
    add_user(store, operator_, demo.school, {demo.email, "Data Protection Officer", Role::Dpo, demo.password});
  });
  demo.school = find_school(store, "crook-primary");
  return demo;
}

}  // namespace steward
