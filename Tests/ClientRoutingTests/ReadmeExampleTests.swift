import Foundation
import Testing

/// The README's Swift examples compile as written: every ```swift block that imports CTIMessages is
/// type-checked, warnings as errors, against the modules this test was built with. The block that imports
/// CTITransport needs swift-nio's C modules, so it is a source file of TransportTests instead
/// (`ReadmeClient.swift`, which `ReadmeClientTests` finds in the README verbatim).
@Suite struct ReadmeExampleTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The README's ```swift blocks that import CTIMessages and not CTITransport.
    static func examples() throws -> [String] {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        return readme.components(separatedBy: "```swift\n").dropFirst()
            .compactMap { $0.components(separatedBy: "\n```").first }
            .filter { $0.contains("import CTIMessages") && !$0.contains("import CTITransport") }
    }

    @Test func theExamplesTypeCheck() throws {
        let examples = try Self.examples()
        #expect(!examples.isEmpty, "the README has no example that imports CTIMessages")
        let modules = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("Modules")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cti-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, example) in examples.enumerated() {
            let file = folder.appendingPathComponent("Example\(index).swift")
            try example.write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "swiftc", "-typecheck", "-parse-as-library", "-swift-version", "6", "-warnings-as-errors",
                "-I", modules.path, file.path,
            ]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "README example \(index + 1) does not compile:\n\(output)")
        }
    }
}
