// FuzzSpec: arbitrary bytes as spec files -> load -> check -> generate. Every input must end in a
// spec or in located diagnostics, and generated code must lex as safe Swift; anything else (a
// crash, a trap, a hang, a broken invariant) is a finding.
import CFuzzerDriver

#if canImport(Glibc)
    import Glibc
#endif

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    SpecFuzzing.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
exit(status)
