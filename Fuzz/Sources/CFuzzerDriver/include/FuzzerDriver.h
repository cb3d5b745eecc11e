#ifndef CTI_FUZZER_DRIVER_H
#define CTI_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// The function libFuzzer calls with each input; returns 0 (-1 keeps the input out of the corpus).
typedef int (*CTIFuzzerTestOneInput)(const uint8_t *data, size_t size);

/// libFuzzer's entry point for programs that have their own `main` (provided by -sanitize=fuzzer).
int LLVMFuzzerRunDriver(int *argc, char ***argv, CTIFuzzerTestOneInput callback);

#endif
