#ifndef MALLOC_COUNTER_H
#define MALLOC_COUNTER_H

/// Counts heap allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign)
/// while counting is on. On Linux/glibc this target replaces those functions for the whole
/// process and forwards to glibc's own implementation (__libc_malloc and friends), so the
/// allocator itself is unchanged; elsewhere the counts stay at zero.

/// Resets the count to zero and starts counting.
void malloc_counter_start(void);
/// Stops counting and returns the number of allocations since the last start.
long malloc_counter_stop(void);
/// 1 when this build can count allocations.
int malloc_counter_is_supported(void);

#endif
