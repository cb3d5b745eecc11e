import CTIRuntime
import CTISpec
import Foundation
import Yams

/// A scenario: the queries and requests the bridge sends instead of the spec's examples, in order.
///
/// ```yaml
/// steps:
///   - send: session.query.init        # a query or request of the spec
///     target: agent-7                 # optional: default, the target the examples use
///     body: {name: Dana, chat: true}  # optional: default, the spec's example body
///     expect: SUCCESS                 # optional: SUCCESS or FAILURE; default, either
///     variant: telephony              # optional: check the answer against this variant's definition
/// ```
public enum ScenarioFile {
    /// The steps of the scenario at `path`; every mistake is a located diagnostic.
    public static func steps(at path: String, spec: Spec) -> Result<[BridgeStep], ScenarioError> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return .failure(ScenarioError(diagnostics: ["\(path): error: the scenario file cannot be read"]))
        }
        return steps(text: text, file: path, spec: spec)
    }

    /// The steps of a scenario's text (`file` names it in diagnostics). A step's target defaults to the
    /// one the chosen definition's examples use (a variant's names the variant).
    public static func steps(text: String, file: String, spec: Spec) -> Result<[BridgeStep], ScenarioError> {
        let reader = YAMLReader(file: file, nodeLimit: 1_000_000)
        let root: Node?
        do {
            root = try YAMLReader.compose(text)
        } catch {
            return .failure(ScenarioError(diagnostics: ["\(file):1:1: error: the scenario is not YAML: \(error)"]))
        }
        guard let root, let top = reader.mapping(root, "the scenario", allowed: ["steps"], required: ["steps"]),
            let items = top["steps"].flatMap({ reader.sequence($0, "steps") })
        else {
            return .failure(ScenarioError(diagnostics: reader.log.sorted.map(\.description) + (root == nil ? ["\(file):1:1: error: the scenario is empty; give 'steps:'"] : [])))
        }
        let messages = answeredMessages(of: spec)
        var steps: [BridgeStep] = []
        for item in items {
            guard let fields = reader.mapping(item, "a step", allowed: ["send", "target", "body", "expect", "variant"], required: ["send"]),
                let nameNode = fields["send"], let name = reader.name(nameNode, "the message a step sends")
            else { continue }
            guard let definitions = messages[name] else {
                reader.error(
                    "'\(name)' is not a query or request of the spec\(Suggestions.didYouMean(name, in: messages.keys))", at: nameNode)
                continue
            }
            // The destination's own definition, or the named variant's where it has one of its own.
            let variants = definitions.compactMap { $0.1.variant?.name }
            let variant = fields["variant"].flatMap { reader.oneOf($0, "the variant of '\(name)'", variants) }
            guard let (message, destination) = definitions.first(where: { $0.1.variant?.name == variant }) ?? definitions.first else { continue }
            let target = fields["target"].flatMap { reader.string($0, "the target of a step") } ?? BridgeScript.defaultTarget(of: destination)
            let body = fields["body"].flatMap(reader.value) ?? message.body.exampleValue(in: destination)
            let expected = fields["expect"].flatMap { reader.oneOf($0, "the expected result", ["SUCCESS", "FAILURE"]) }
            steps.append(
                BridgeStep(message: message, destination: destination, target: target, body: SpecJSON.json(body), expectedResult: expected))
        }
        guard !reader.log.hasErrors else { return .failure(ScenarioError(diagnostics: reader.log.sorted.map(\.description))) }
        return .success(steps)
    }

    /// Every query and request of the spec by name, with each definition of it: the destination's first,
    /// then its variants' own.
    private static func answeredMessages(of spec: Spec) -> [String: [(Message, Destination)]] {
        var result: [String: [(Message, Destination)]] = [:]
        for destination in spec.destinations.sorted(by: { ($0.variant == nil ? 0 : 1) < ($1.variant == nil ? 0 : 1) }) {
            for message in destination.messages where BridgeScript.isAnswered(message, in: spec) {
                result[message.name!, default: []].append((message, destination))
            }
        }
        return result
    }
}

/// A scenario file that cannot be used, with every diagnostic.
public struct ScenarioError: Error, CustomStringConvertible {
    /// `file:line:col: error: message` lines.
    public var diagnostics: [String]

    public var description: String { diagnostics.joined(separator: "\n") }
}
