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
                "many.yaml:1:1: error: the spec has 5 messages, more than the limit of 4; raise the limit or split the spec"
            ])
    }

    @Test func messageLimitCountsEveryFile() {
        let first = Self.destination(events: 3)
        let second = Self.destination(events: 3).replacingOccurrences(of: "many", with: "more")
        let result = SpecLoader(limits: LoadLimits(maxMessages: 5)).load(files: [("many.yaml", first), ("more.yaml", second)])
        #expect(result.spec == nil)
        #expect(result.diagnostics.contains { $0.message == "the spec has 6 messages, more than the limit of 5; raise the limit or split the spec" })
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
