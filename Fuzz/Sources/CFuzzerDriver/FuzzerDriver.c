// Nothing to compile: the target exists for its header, and libFuzzer (linked by
// -sanitize=fuzzer) defines LLVMFuzzerRunDriver.
#include "FuzzerDriver.h"
