import CTICodegen
import CTISpec
import Foundation
import Testing

/// `SpecDiff` on the multi fixture, whose channel and interaction have variants: each variant is
/// compared with the same variant, and refusals and conditions are wire changes.
@Suite struct VariantDiffTests {
    static let specFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden/multi/spec")

    /// The multi fixture's spec with `edits` applied to the file named by each key.
    static func spec(_ edits: [String: [(String, String)]] = [:]) throws -> Spec {
        let files = try SpecLoader.specFiles(in: specFolder.path).map { path in
            let name = URL(fileURLWithPath: path).lastPathComponent
            var text = try String(contentsOfFile: path, encoding: .utf8)
            for (old, new) in edits[name] ?? [] {
                #expect(text.contains(old), "the text to replace is not in \(name): \(old)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            return (path: name, contents: text)
        }
        let result = SpecLoader.forSwift().load(files: files)
        return try #require(result.spec, "the edited spec does not lint: \(result.diagnostics.map(\.description))")
    }

    @Test func theFixtureAgainstItselfHasNoChange() throws {
        #expect(SpecDiff(from: try Self.spec(), to: try Self.spec()).changes.isEmpty)
    }

    @Test func aNewRefusalBreaksTheWireOfThatVariantOnly() throws {
        let diff = SpecDiff(
            from: try Self.spec(),
            to: try Self.spec([
                "unsupported-channel.yaml": [
                    ("refuses:\n", "refuses:\n  - message: channel.request.dispose\n    reason: Not even that.\n")
                ]
            ]))
        let report = diff.report(.text)
        #expect(
            report.contains(
                "unsupported-channel.yaml:9:5: error: wire-breaking: channel.request.dispose is now refused by 'channel (unsupported)': a client built from the new spec answers it FAILURE, where one built from the old spec carried it out"
            ), "\(report)")
        #expect(diff.count(.wire) == 1, "\(report)")
    }

    @Test func aChangedConditionBreaksTheWire() throws {
        let diff = SpecDiff(
            from: try Self.spec(),
            to: try Self.spec([
                "telephony-interaction.yaml": [
                    ("requiredWhen: {key: interaction-state, in: [ALERTING, DIALING, STARTED]}", "requiredWhen: {key: interaction-state, in: [STARTED]}")
                ]
            ]))
        let report = diff.report(.text)
        #expect(
            report.contains(
                "wire-breaking: the response body of interaction.query.init: member 'conversations': member 'primary': its conditions changed from Required when interaction-state is ALERTING, DIALING or STARTED. Absent when interaction-state is ENDED or COMPLETED. to Required when interaction-state is STARTED. Absent when interaction-state is ENDED or COMPLETED.: a peer built from one spec rejects what one built from the other sends"
            ), "\(report)")
        #expect(report.contains("destination 'channel") == false)
    }

    @Test func extendingAnotherMessageAddsAHandlerRequirement() throws {
        let diff = SpecDiff(
            from: try Self.spec(),
            to: try Self.spec([
                "telephony-channel.yaml": [
                    (
                        "extends:\n",
                        "extends:\n  - message: channel.request.activate\n    body:\n      - {key: line, type: string, required: false, notes: Which line.}\n"
                    )
                ]
            ]))
        let report = diff.report(.text)
        #expect(report.contains("source-breaking"), "\(report)")
        #expect(report.contains("handleTelephonyChannelActivate") || report.contains("handleActivate"), "\(report)")
    }
}
