import CTICodegen
import CTISpec

#if canImport(Glibc)
    import Glibc
#endif

/// One fuzz input: the spec files it holds, loaded, checked and generated, with every invariant checked.
enum SpecFuzzing {
    /// A line `#@@` (a YAML comment) separates the files of one input; at most four files.
    static let separator = Array("\n#@@\n".utf8)

    /// Tighter than the defaults, so that each input runs in milliseconds and the limits themselves are reached.
    static let limits = LoadLimits(maxFileBytes: 256 << 10, maxNodesPerFile: 200_000, maxMessages: 64)

    static func run(_ data: UnsafeBufferPointer<UInt8>) {
        let files = split(Array(data))
        let result = SpecLoader.forSwift(limits: limits).load(files: files)

        // A spec, or errors: never neither, never both.
        check((result.spec == nil) == result.hasErrors, "spec is \(result.spec == nil ? "nil" : "set") but hasErrors is \(result.hasErrors)")
        let names = Set(files.map(\.path))
        for diagnostic in result.diagnostics {
            check(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "a diagnostic without a location: \(diagnostic)")
            check(!diagnostic.message.isEmpty, "a diagnostic without a message")
            check(
                names.contains(diagnostic.location.file) || diagnostic.location.file.hasPrefix("<"),
                "a diagnostic names a file that was not loaded: \(diagnostic)")
        }
        guard let spec = result.spec else { return }

        let inputs = files.map(\.path)
        // One generation per input (it dominates the time): the input's length picks the options.
        let options =
            data.count % 2 == 0
            ? GeneratorOptions(access: .public) : GeneratorOptions(access: .internal, moduleName: "Fuzzed", namePrefix: "My")
        let generated = Generator(options: options).generate(spec, inputFiles: inputs)
        check(!generated.isEmpty, "a valid spec generated no file")
        for file in generated {
            check(isPlainFileName(file.name), "unsafe output file name \(file.name.debugDescription)")
            let scanner = GeneratedSwiftScanner(file.contents)
            check(
                scanner.findings.isEmpty,
                "generated \(file.name) does not lex as safe Swift: \(scanner.findings.prefix(5))\n\(file.contents.prefix(4000))")
        }
    }

    /// The input's files: `f0.yaml`, `f1.yaml`, ... (ill-formed UTF-8 is repaired, as a caller that decodes leniently would).
    static func split(_ bytes: [UInt8]) -> [(path: String, contents: String)] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count, parts.count < 3 {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                parts.append(bytes[start..<index])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(bytes[start...])
        return parts.enumerated().map { ("f\($0.offset).yaml", String(decoding: $0.element, as: UTF8.self)) }
    }

    /// A plain, visible file name that stays inside its folder.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("..")
            && name.unicodeScalars.allSatisfy { $0.isASCII && $0 != "/" && $0 != "\\" && $0.value >= 0x20 }
    }

    static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() {
            var text = "FuzzSpec invariant broken: \(message())\n"
            text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
            abort()
        }
    }
}
