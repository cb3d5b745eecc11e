import CTIRuntime
import CTISpec

/// One query or request the bridge sends, and what it expects back.
public struct BridgeStep: Sendable {
    /// The message sent.
    public var message: Message
    /// The destination (or variant) the message is of.
    public var destination: Destination
    /// `header.target`.
    public var target: String
    /// The body sent.
    public var body: JSONValue
    /// The outcome the step expects (`SUCCESS`, `FAILURE`); nil: either.
    public var expectedResult: String?

    /// The message's wire name.
    public var name: String { message.name ?? message.displayName }
}

/// The steps of a session, built from the spec.
public enum BridgeScript {
    /// The session the bridge runs by default: for each destination and each variant, its init query
    /// (a variant that does not change it gets its destination's), then every query and request of the
    /// spec in spec order, each with the spec's example body and a target of the destination's form; a
    /// variant's messages go to a target that names the variant, as the generated examples do.
    public static func steps(for spec: Spec) -> [BridgeStep] {
        var initSteps: [BridgeStep] = []
        var otherSteps: [BridgeStep] = []
        for destination in spec.destinations {
            let target = defaultTarget(of: destination)
            // A variant that does not change the init query is initialized with its destination's.
            if let initQuery = destination.initQuery,
                let message = destination.messages.first(where: { $0.name == initQuery.name })
                    ?? spec.base(of: destination)?.messages.first(where: { $0.name == initQuery.name })
            {
                initSteps.append(step(message, of: destination, target: target))
            }
            for message in destination.messages where isAnswered(message, in: spec) && message.name != destination.initQuery?.name {
                otherSteps.append(step(message, of: destination, target: target))
            }
        }
        return initSteps + otherSteps
    }

    private static func step(_ message: Message, of destination: Destination, target: String) -> BridgeStep {
        BridgeStep(
            message: message, destination: destination, target: target,
            body: SpecJSON.json(message.body.exampleValue(in: destination)), expectedResult: nil)
    }

    /// The target the examples of `destination`'s messages are addressed to, as the generated ones are
    /// (`ExampleTarget`); without a form or a variant, the header example's `example target`.
    public static func defaultTarget(of destination: Destination) -> String {
        ExampleTarget.target(shape: destination.target, variant: destination.variant?.name) ?? "example target"
    }

    /// Whether `message` is a query or request: the client answers it.
    static func isAnswered(_ message: Message, in spec: Spec) -> Bool {
        spec.protocolDefinition.kind(message.kind)?.answeredBy != nil && message.name != nil
    }
}
