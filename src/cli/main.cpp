#include "cli/cli.h"

int main(int argc, char** argv) { return steward::cli::run(argc, argv); }
