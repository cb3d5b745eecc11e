import CTISpec
import Foundation
import Testing

/// Each limit of `LoadLimits` is reached by a spec built to reach it, and reported with its exact
/// error; just under the limit, the same spec loads.
@Suite struct LoadLimitTests {
    @Test func theDefaultsAreTheDocumentedOnes() {
        #expect(LoadLimits.default.maxFileBytes == 32 << 20)
        #expect(LoadLimits.default.maxNodesPerFile == 4_000_000)
        #expect(LoadLimits.default.maxMessages == 50_000)
        #expect(LoadLimits.default.maxSpecFiles == 10_000)
        #expect(SpecLoader().limits == .default)
    }

    /// A destination with `count` events.
    static func destination(events count: Int) -> String {
        var yaml = "destination: many\ntitle: Many\nsummary: Many events.\nmessages:\n"
        for index in 0..<count {
            yaml += """
                  - name: many.thing\(index).added
                    kind: event
                    summary: Thing \(index) was added.
                    header: [{key: type, notes: t}, {key: name, notes: n}, {key: target, notes: t}]
                    body: []

                """
        }
        return yaml
    }

    @Test func messageLimit() {
        let yaml = Self.destination(events: 5)
        let atLimit = SpecLoader(limits: LoadLimits(maxMessages: 5)).load(files: [("many.yaml", yaml)])
        #expect(atLimit.spec != nil, "\(atLimit.diagnostics)")
        let over = SpecLoader(limits: LoadLimits(maxMessages: 4)).load(files: [("many.yaml", yaml)])
        #expect(over.spec == nil)
        #expect(
            over.diagnostics.filter { $0.severity == .error }.map(\.description) == [
                "many.yaml:25:5: error: the spec has 5 messages, more than the limit of 4; raise the limit (--max-messages, or limits.maxMessages in cti-codegen.yaml) or split the spec"
            ])
    }

    @Test func messageLimitCountsEveryFile() {
        let first = Self.destination(events: 3)
        let second = Self.destination(events: 3).replacingOccurrences(of: "many", with: "more")
        let result = SpecLoader(limits: LoadLimits(maxMessages: 5)).load(files: [("many.yaml", first), ("more.yaml", second)])
        #expect(result.spec == nil)
        // Counted while the files are read: the error is the only one, at the first message past the limit.
        #expect(
            result.diagnostics.map(\.description) == [
                "more.yaml:15:5: error: the spec has 6 messages, more than the limit of 5; raise the limit (--max-messages, or limits.maxMessages in cti-codegen.yaml) or split the spec"
            ])
    }

    /// A file is not read past the limit: one file of many messages stops at the first one over it.
    @Test func aFileIsNotReadPastTheMessageLimit() {
        let result = SpecLoader(limits: LoadLimits(maxMessages: 2)).load(files: [("many.yaml", Self.destination(events: 1_000))])
        #expect(result.diagnostics.map(\.description) == [
            "many.yaml:15:5: error: the spec has 1000 messages, more than the limit of 2; raise the limit (--max-messages, or limits.maxMessages in cti-codegen.yaml) or split the spec"
        ])
    }

    @Test func specFileLimit() {
        let files = (0..<3).map { ("d\($0).yaml", Self.destination(events: 1).replacingOccurrences(of: "many", with: "d\($0)")) }
        #expect(SpecLoader(limits: LoadLimits(maxSpecFiles: 3)).load(files: files).spec != nil)
        let over = SpecLoader(limits: LoadLimits(maxSpecFiles: 2)).load(files: files)
        #expect(over.spec == nil)
        #expect(over.diagnostics.map(\.description) == [
            "d0.yaml:1:1: error: the spec paths hold 3 spec files, more than the limit of 2; raise the limit (--max-spec-files, or limits.maxSpecFiles in cti-codegen.yaml) or give fewer paths"
        ])
    }

    /// The protocol definitions bundled with cti-codegen count against none of the user's limits: a
    /// node budget far below what they take still loads a small destination that relies on them.
    @Test func theBundledProtocolDoesNotCountAgainstTheLimits() {
        let result = SpecLoader(limits: LoadLimits(maxNodesPerFile: 60)).load(files: [("one.yaml", Self.destination(events: 1))])
        #expect(result.spec != nil, "\(result.diagnostics)")
        #expect(result.spec?.protocolDefinition.file == BundledProtocol.path)
    }

    @Test func fileSizeLimitBoundary() {
        let yaml = Self.destination(events: 1)
        let size = yaml.utf8.count
        #expect(SpecLoader(limits: LoadLimits(maxFileBytes: size)).load(files: [("one.yaml", yaml)]).spec != nil)
        let over = SpecLoader(limits: LoadLimits(maxFileBytes: size - 1)).load(files: [("one.yaml", yaml)])
        #expect(over.spec == nil)
        #expect(
            over.diagnostics.map(\.description).contains(
                "one.yaml:1:1: error: the file is larger than the limit of \(size - 1) bytes (\(size) bytes); split it into several destination files"
            ))
    }

    /// The node budget counts what aliases expand to: a few lines whose aliases expand to 453
    /// nodes load at the default limits and stop at a budget of 200 with the exact error, once.
    @Test func aliasExpansionCountsAgainstTheNodeLimit() {
        let yaml = """
            destination: d
            title: T
            summary: S
            messages:
              - name: d.thing.added
                kind: event
                summary: s
                header: [{key: type, notes: t}, {key: name, notes: n}, {key: target, notes: t}]
                body: [{key: items, type: json, notes: any JSON}]
                example:
                  items: [&a [x, x, x, x], &b [*a, *a, *a, *a], &c [*b, *b, *b, *b], [*c, *c, *c, *c]]

            """
        let loaded = SpecLoader().load(files: [("d.yaml", yaml)])
        #expect(loaded.spec != nil, "\(loaded.diagnostics)")
        let limited = SpecLoader(limits: LoadLimits(maxNodesPerFile: 200)).load(files: [("d.yaml", yaml)])
        #expect(limited.spec == nil)
        let nodeErrors = limited.diagnostics.filter { $0.location.file == "d.yaml" && $0.message.contains("YAML nodes") }.map(\.message)
        #expect(
            nodeErrors == [
                "the spec has more than 200 YAML nodes once aliases are expanded; split the file or remove the aliases that repeat large parts"
            ], "\(limited.diagnostics)")
    }

    /// A billion-laughs file, a few hundred bytes long, ends quickly in the node-limit error at the default limits.
    @Test func aBillionLaughsEndsQuicklyAtTheDefaultLimits() {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let yaml = """
            destination: laughs
            title: T
            summary: S
            messages:
              - name: laughs.thing.added
                kind: event
                summary: s
                header: [{key: type, notes: t}, {key: name, notes: n}, {key: target, notes: t}]
                body: [{key: items, type: json, notes: any}]
                example:
            \(lines.map { "          " + $0 }.joined(separator: "\n"))

            """
        let started = ContinuousClock.now
        let result = SpecLoader().load(files: [("laughs.yaml", yaml)])
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(result.spec == nil)
        #expect(result.diagnostics.contains { $0.message.hasPrefix("the spec has more than 4000000 YAML nodes once aliases are expanded") })
    }
}
