import CTICodegen
import CTISpec
import Foundation
import Testing

/// Specs written to break out of the generated code (notes that close comments, values that
/// close string literals, keywords and unicode as names, a 100 KB note) generate code that
/// lexes as the same program a harmless spec gives: hostile text only ever lands inside a line
/// comment or an escaped string literal, and every literal holds exactly the spec's text.
@Suite struct HostileSpecGenerationTests {
    /// Text that a careless generator would let out of a doc comment or a string literal.
    static let hostileTexts: [String] = [
        "*/ func injected() {} /*",
        "/* open a block comment",
        "\"\"\" a multi-line literal \"\"\"",
        "\"); injected(); (\"",
        "back\\slash \\(interpolation) \\u{41} \\",
        "#\"raw\"# and \"# and #",
        "line one\nfunc injected() {}\n}",
        "carriage\rreturn\r\nand CRLF",
        "bidi \u{202E}override\u{202C} and \u{2066}isolate\u{2069}",
        "separators \u{2028} and \u{2029} and \u{85} NEL",
        "control \u{0} \u{1} \u{7} \u{1B}[31m \u{7F}",
        "byte order mark \u{FEFF} zero width \u{200B}",
        "unicode: café e\u{301} \u{212A} 日本 😀 \u{10FFFF}",
        "` backtick `default` `",
        "// MARK: - a comment inside a comment",
        "#if false\n#endif",
        "   leading and trailing spaces   ",
        "'single' and $0 and @attribute",
    ]

    /// A 100 KB note mixing every hostile text.
    static let longText: String = {
        var text = ""
        while text.utf8.count < 100_000 { text += hostileTexts.joined(separator: " ") }
        return text
    }()

    /// `text` as a YAML double-quoted scalar (every non-printable or non-ASCII scalar escaped).
    static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case " "..."~": result.unicodeScalars.append(scalar)
            default: result += "\\U" + String(format: "%08X", scalar.value)
            }
        }
        return result + "\""
    }

    /// A destination that puts `text` in every note, summary, title, erratum, constant and example string.
    static func destination(with text: String) -> String {
        let q = yamlQuoted(text)
        let erratum = "{source: \(q), fix: \(q), reason: \(q)}"
        return """
            destination: dest
            title: \(q)
            summary: \(q)
            initQuery: dest.query.init
            errata: [\(erratum)]
            messages:
              - name: dest.query.init
                kind: query
                summary: \(q)
                errata: [\(erratum)]
                header:
                  - {key: type, notes: \(q)}
                  - {key: name, notes: \(q)}
                  - {key: target, notes: \(q)}
                  - {key: requestId, notes: \(q), errata: [\(erratum)]}
                body:
                  - {key: chat, type: boolean, notes: \(q), errata: [\(erratum)]}
                  - {key: label, type: string, notes: \(q)}
                  - {key: kind, type: constant, value: \(q), notes: \(q)}
                  - key: nested
                    type: object
                    notes: \(q)
                    properties:
                      - {key: inner, type: string, required: false, notes: \(q)}
                example: {chat: true, label: \(q), kind: \(q), nested: {inner: \(q)}}
                response:
                  header:
                    - {key: type, notes: \(q)}
                    - {key: name, notes: \(q)}
                    - {key: target, notes: \(q)}
                    - {key: requestId, notes: \(q)}
                    - {key: result, notes: \(q)}
                    - {key: errorMessage, notes: \(q)}
                  body:
                    - {key: reason, type: string, notes: \(q)}
                  example: {reason: \(q)}
              - name: dest.thing.added
                kind: event
                summary: \(q)
                header:
                  - {key: type, notes: \(q)}
                  - {key: name, notes: \(q)}
                  - {key: target, notes: \(q)}
                body:
                  - {key: id, type: string, notes: \(q)}

            """
    }

    /// Loads `yaml` as `dest.yaml` (with the bundled protocol) and generates public code and tests.
    static func generate(_ yaml: String) throws -> [GeneratedFile] {
        let result = SpecLoader.forSwift().load(files: [("dest.yaml", yaml)])
        let spec = try #require(result.spec, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        return Generator(options: GeneratorOptions(access: .public)).generate(spec, inputFiles: ["dest.yaml"])
    }

    static func scan(_ files: [GeneratedFile]) -> [String: GeneratedSwiftScanner] {
        Dictionary(uniqueKeysWithValues: files.map { ("\($0.root)/\($0.name)", GeneratedSwiftScanner($0.contents)) })
    }

    // MARK: The scanner itself

    @Test func theShippedGeneratedCodeScansClean() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var scanned = 0
        for folder in ["Generated/Sources/CTIMessages", "Generated/Tests/CTIMessagesTests", "Tests/Golden/awkward/Sources", "Tests/Golden/awkward/Tests"] {
            let url = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".swift") {
                let scanner = GeneratedSwiftScanner(try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8))
                #expect(scanner.findings == [], "\(folder)/\(name)")
                scanned += 1
            }
        }
        #expect(scanned >= 6)
    }

    @Test(arguments: [
        ("let a = 1 /* x */", "a block comment"),
        ("let a = \"open", "a string literal is not closed on its line"),
        ("let a = \"\"\"", "a multi-line string literal"),
        ("let a = #\"raw\\#(x)\"#", "an escape in a raw string literal"),
        ("let a = #\"raw", "a raw string literal is not closed on its line"),
        ("let a = #\"\"\"\n    x\n", "a multi-line raw literal is never closed"),
        ("/// a \u{202E} b", "U+202E inside a comment"),
        ("let é = 1", "U+E9 outside a comment or string literal"),
        ("func f() {", "'{' opened here is never closed"),
        ("let a = \"\\q\"", "an invalid escape"),
        ("let `a b` = 1", "a backtick that does not enclose a plain identifier"),
    ])
    func theScannerCatchesEscapes(source: String, finding: String) {
        let findings = GeneratedSwiftScanner(source).findings.map(\.message)
        #expect(findings.contains { $0.hasPrefix(finding) }, "\(findings)")
    }

    @Test func theScannerDecodesStringLiterals() {
        let scanner = GeneratedSwiftScanner(#"let a = "q\"b\\s\n\u{1F600}\u{0}" + "\(x + "y")""#)
        #expect(scanner.findings == [])
        #expect(scanner.tokens.contains(.string("q\"b\\s\n\u{1F600}\u{0}")))
        #expect(scanner.tokens.contains(.string(#"\(x + "y")"#)))
    }

    // MARK: Hostile notes and values

    @Test(arguments: hostileTexts)
    func hostileTextStaysInsideCommentsAndLiterals(_ text: String) throws {
        let harmless = Self.scan(try Self.generate(Self.destination(with: "harmless text")))
        let files = try Self.generate(Self.destination(with: text))
        let hostile = Self.scan(files)
        #expect(hostile.keys.sorted() == harmless.keys.sorted())
        for (name, scanner) in hostile {
            #expect(scanner.findings == [], "\(name)")
            #expect(scanner.skeleton == harmless[name]?.skeleton, "\(name): the hostile text changed the code's structure")
        }
        // The constant and the example's strings are carried exactly: some literal holds the text,
        // and the example body literal is JSON that holds it.
        let literals = hostile.values.flatMap(\.tokens).compactMap { if case .string(let value) = $0 { value } else { nil } }
        #expect(literals.contains { $0.utf8.elementsEqual(text.utf8) }, "no literal holds the constant")
        // The example body and the generated tests' variants of it are JSON that holds the text.
        let examples = literals.filter { $0.hasPrefix("{") && $0.contains("\"chat\":") }
        var labels: [String] = []
        for example in examples {
            let data = try #require(example.data(using: .utf8))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "not JSON: \(example)")
            if let label = object["label"] as? String { labels.append(label) }
        }
        #expect(labels.contains { $0.utf8.elementsEqual(text.utf8) }, "the example lost the text")
    }

    @Test func aHundredKilobyteNoteGeneratesQuicklyAndStaysInItsComment() throws {
        let started = ContinuousClock.now
        let files = try Self.generate(Self.destination(with: Self.longText))
        #expect(ContinuousClock.now - started < .seconds(20))
        for (name, scanner) in Self.scan(files) {
            #expect(scanner.findings == [], "\(name)")
        }
        let literals = Self.scan(files).values.flatMap(\.tokens).compactMap { if case .string(let value) = $0 { value } else { nil } }
        #expect(literals.contains { $0 == Self.longText })
    }

    // MARK: Hostile names

    /// Keys that are keywords, unicode, or punctuation (with a swiftName where Swift needs one),
    /// and enum values full of quotes: the code lexes clean and every wire name is kept exactly.
    @Test func hostileKeysAndEnumValuesKeepTheirWireNames() throws {
        let keys = ["class", "default", "protocol", "Type", "in", "3d", "a-b c", "café"]
        let punctuated = ["a\"b", "a\\b", "*/", "x\u{202E}y", "new\nline", "self", "init", "_", "日本"]
        let values = ["ON\"QUOTE", "BACK\\SLASH", "*/", "e\u{301}", "\u{212A}ELVIN", "a b", "\\(x)"]
        var rows = keys.map { "      - {key: \(Self.yamlQuoted($0)), type: string, required: false, notes: n}" }
        rows += punctuated.enumerated().map { index, key in
            "      - {key: \(Self.yamlQuoted(key)), type: string, required: false, swiftName: punctuated\(index), notes: n}"
        }
        rows.append("      - {key: mode, type: enum, values: [\(values.map(Self.yamlQuoted).joined(separator: ", "))], notes: n}")
        let yaml = """
            destination: dest
            title: t
            summary: s
            messages:
              - name: dest.thing.added
                kind: event
                summary: s
                header:
                  - {key: type, notes: t}
                  - {key: name, notes: n}
                  - {key: target, notes: t}
                body:
            \(rows.joined(separator: "\n"))

            """
        let result = SpecLoader.forSwift().load(files: [("dest.yaml", yaml)])
        guard let spec = result.spec else {
            // Refusing a name is fine, as long as it is a located diagnostic rather than bad code.
            #expect(result.diagnostics.allSatisfy { $0.location.line >= 1 })
            Issue.record("the spec was refused: \(result.diagnostics.map(\.description))")
            return
        }
        let files = Generator(options: GeneratorOptions(access: .public)).generate(spec, inputFiles: ["dest.yaml"])
        let scanners = Self.scan(files)
        for (name, scanner) in scanners { #expect(scanner.findings == [], "\(name)") }
        let literals = Set(scanners.values.flatMap(\.tokens).compactMap { if case .string(let value) = $0 { Array(value.utf8) } else { nil } })
        for wire in keys + punctuated + values {
            let found = literals.contains(Array(wire.utf8))
            #expect(found, "no literal holds \(wire.debugDescription) byte for byte")
        }
    }

    /// Spec input names decide the output file names: whatever the path, the names stay plain.
    @Test(arguments: [
        "../../etc/passwd.yaml", "..yaml", ".yaml", "a/../b.yaml", "/abs/x.cti.yaml", "dir/.hidden.yaml", "spa ce.yaml",
        "ca\u{301}fé.yaml", "x\0y.yaml", "a\\..\\b.yaml", "\u{202E}lmay.yaml", "...yaml", "3d.yaml",
    ])
    func outputNamesFromHostileInputPathsArePlain(_ input: String) {
        for name in [OutputNames.sourceName(ofInput: input), OutputNames.testName(ofInput: input)] {
            #expect(!name.isEmpty && !name.hasPrefix(".") && !name.contains(".."), "\(name)")
            #expect(name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == ".") }, "\(name)")
            #expect(name.hasSuffix(".swift"))
        }
    }
}
