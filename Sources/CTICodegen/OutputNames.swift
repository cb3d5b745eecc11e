import Foundation

/// The names of the files a run produces, which follow from the input file names alone, so a
/// build plugin can declare its outputs before any spec is read.
public enum OutputNames {
    /// Library files produced whatever the inputs are.
    public static let fixedSources = ["Routing.swift"]
    /// Test files produced whatever the inputs are.
    public static let fixedTests = ["RoutingTests.swift"]

    /// The stem a spec file's outputs are named after: `session.yaml` and `session.cti.yaml` give `Session`.
    public static func stem(ofInput path: String) -> String {
        var name = URL(fileURLWithPath: path).lastPathComponent
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        if name.hasSuffix(".cti") { name.removeLast(".cti".count) }
        let words = name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let stem = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return stem.isEmpty || stem.first!.isNumber ? "Spec" + stem : stem
    }

    /// The library file generated from one spec file.
    public static func sourceName(ofInput path: String) -> String { stem(ofInput: path) + ".swift" }

    /// The test file generated from one spec file.
    public static func testName(ofInput path: String) -> String { stem(ofInput: path) + "Tests.swift" }

    /// Every file name a run over `inputs` produces, by root, sorted.
    public static func all(forInputs inputs: [String], options: GeneratorOptions) -> [GeneratedFile.Root: [String]] {
        var result: [GeneratedFile.Root: [String]] = [:]
        if options.outputs.contains(.code) {
            result[.sources] = (fixedSources + inputs.map(sourceName)).sorted()
        }
        if options.outputs.contains(.tests) {
            result[.tests] = (fixedTests + inputs.map(testName)).sorted()
        }
        return result
    }
}
