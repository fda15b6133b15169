#include "domain/school.h"

#include "domain/text.h"

namespace steward {

const std::string& PageText::section_intro(Section s) const {
  switch (s) {
    case Section::Pupils: return pupils_intro;
    case Section::Management: return management_intro;
    case Section::Other: return other_intro;
  }
  return other_intro;
}

PageText PageText::standard() {
  PageText t;
  t.introduction =
      "The school uses cloud based service providers to facilitate access to resources and other services that are "
      "provided online. As a result of using these services data will be stored and/or transmitted between the school "
      "and the provider.\n\n"
      "Before using these services the school will undertake a risk assessment to ensure that the data will be handled "
      "in accordance with our policies, the UK General Data Protection Regulation and the Data Protection Act 2018.\n\n"
      "This document contains details of each cloud based service provider and summarises the type of data that will "
      "be handled by them. It is divided into sections that cover the different types of service.";
  t.pupils_intro =
      "The school may share limited information about children with cloud based service providers to support the "
      "education of pupils. The data will be limited to what is required to provide the service.\n\n"
      "Parents may opt out of any of these services by informing the school in writing. If a parent opts out then the "
      "school will try to provide an alternative to the service but this cannot be guaranteed and opting out of these "
      "services may have a negative impact on the resources that are available to the pupil.";
  t.management_intro =
      "The school will use some cloud based services that assist with the management and running of the school. This "
      "will include communications systems. These services will not have any student data shared directly but some "
      "student data may be transferred and stored using their systems. This will be done in accordance with school "
      "policies.\n\n"
      "As these are required for the day to day running of the school there is no option to opt out, however data will "
      "be treated as confidential and sensitive data will always be encrypted.";
  t.other_intro =
      "This section covers online services that have been identified where some non-confidential data may be shared. "
      "This could include a mobile device where a photo is backed up to an online service or a situation where a pupil "
      "uses an online photo editing site where no login is required. Controls will be in place to control this data "
      "such as supervision for students.\n\n"
      "Due to the nature of the internet which is constantly evolving this list will be far from complete. To control "
      "how data is used the school will enforce acceptable use policies for staff and students. In addition the school "
      "has a data protection policy and online safety policy which will be followed to prevent unapproved data "
      "exposure.";
  t.legal_requirements =
      "The school is required, by law, to pass certain information about our pupils to our local authority (LA) and "
      "the Department for Education (DfE). This will be done electronically.\n\n"
      "For more information about this please see our privacy notice for pupils.";
  return t;
}

std::vector<FieldError> validate_school(const School& s) {
  std::vector<FieldError> errors;
  if (!is_slug(s.slug))
    errors.push_back({"slug", "Slug must be lowercase letters, digits and single hyphens, for example crook-primary"});
  if (trim(s.name).empty()) errors.push_back({"name", "Enter the school's name"});
  if (s.name.size() > 200) errors.push_back({"name", "Name must be 200 characters or fewer"});
  for (auto* text : {&s.page.introduction, &s.page.pupils_intro, &s.page.management_intro, &s.page.other_intro,
                     &s.page.legal_requirements})
    if (text->size() > 10000) errors.push_back({"page", "Each part of the page text must be 10000 characters or fewer"});
  return errors;
}

}  // namespace steward
