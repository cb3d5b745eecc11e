import CTISpec
import Foundation
import Testing

/// Input that is not a spec at all, or is built to exhaust the loader, ends in diagnostics: never a
/// crash, a hang or unbounded memory.
@Suite struct HostileSpecTests {
    @Test func aliasBombHitsTheNodeLimit() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        yaml = "destination: bomb\ntitle: t\nsummary: s\nmessages:\n  - name: bomb.event\n    kind: event\n    summary: s\n    header: []\n    body: []\n    example:\n"
            + yaml.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n"
        let result = TestSupport.load(destination: yaml, limits: LoadLimits(maxNodesPerFile: 100_000))
        #expect(result.spec == nil)
        #expect(
            result.diagnostics.contains { $0.message.hasPrefix("the spec has more than 100000 YAML nodes once aliases are expanded") })
    }

    @Test func fileOverTheSizeLimit() throws {
        let big = TestSupport.destinationYAML + "# " + String(repeating: "x", count: 4_000) + "\n"
        let result = TestSupport.load(destination: big, limits: LoadLimits(maxFileBytes: 2_000))
        #expect(
            result.diagnostics.map(\.description).contains(
                "dest.yaml:1:1: error: the file is larger than the limit of 2000 bytes (\(big.utf8.count) bytes); split it into several destination files"
            ))
    }

    @Test func fileOverTheSizeLimitIsNotReadWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cti-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.yaml")
        try Data(repeating: UInt8(ascii: "x"), count: 100_000).write(to: path)
        let result = SpecLoader(limits: LoadLimits(maxFileBytes: 10_000)).load(paths: [path.path])
        #expect(
            result.diagnostics.map(\.description).contains(
                "\(path.path):1:1: error: the file is larger than the limit of 10000 bytes; split it into several destination files"))
    }

    @Test func deepNestingIsRejected() {
        let deep = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        let result = TestSupport.load(destination: "destination: d\ntitle: t\nsummary: s\nmessages: " + deep)
        #expect(result.spec == nil)
        #expect(result.diagnostics.contains { $0.message.contains("invalid YAML") })
    }

    @Test func invalidUTF8File() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cti-utf8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.yaml")
        try Data([0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: path)
        let result = SpecLoader().load(paths: [path.path])
        #expect(
            result.diagnostics.map(\.description).contains(
                "\(path.path):1:1: error: the file is not valid UTF-8; save it as UTF-8"))
    }

    @Test func missingPath() {
        let result = SpecLoader().load(paths: ["/no/such/spec"])
        #expect(result.diagnostics.map(\.description) == ["/no/such/spec:1:1: error: no such file or folder"])
    }

    @Test(arguments: [
        "", "---", "- a\n- b", "just text", "protocol", ":::", "{", "[1, 2", "\t- x", "*undefined", "&a x",
        "!!binary AAAA", "destination: [1]", "destination:\n  - nested", "? [complex]\n: key",
        "destination: d\nmessages: {a: b}", "destination: d\ntitle: t\nsummary: s\nmessages:\n  - 42",
        "protocol: p\nframing: 4\nkinds: nope", "a: b\n---\nc: d",
    ])
    func garbageEndsInDiagnostics(_ text: String) {
        let result = SpecLoader().load(files: [("g.yaml", text)])
        #expect(result.spec == nil)
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
    }

    /// Deterministic mutations of a valid spec (lines dropped, duplicated, cut, characters swapped):
    /// each load ends in a spec or in located diagnostics.
    @Test func mutatedSpecsNeverCrash() {
        var generator = SplitMix64(seed: 0xC71)
        let lines = TestSupport.destinationYAML.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<300 {
            var mutated = lines
            let index = Int(generator.next() % UInt64(mutated.count))
            switch generator.next() % 4 {
            case 0: mutated.remove(at: index)
            case 1: mutated.insert(mutated[index], at: index)
            case 2: mutated[index] = String(mutated[index].prefix(Int(generator.next() % 20)))
            default:
                let junk = [":", "-", "[", "]", "{", "}", "*", "&", "'", "\"", "\t", "#", "|", ">"]
                mutated[index] += junk[Int(generator.next() % UInt64(junk.count))]
            }
            let result = TestSupport.load(destination: mutated.joined(separator: "\n"))
            #expect(result.spec != nil || result.diagnostics.contains { $0.severity == .error })
        }
    }
}

/// A small seeded generator so mutation tests are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
