// FuzzWire: arbitrary bytes, fed in arbitrary chunk sizes, through the frame decoder and the
// router with a test handler. Every complete frame must get a response or a typed error, the
// decoder must agree with a simple reference reader whatever the chunking, and nothing may crash.
import CFuzzerDriver

#if canImport(Glibc)
    import Glibc
#endif

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    WireFuzzing.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
exit(status)
