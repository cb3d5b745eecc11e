import CTISpec

/// What a message is to the generated code, which decides the runtime protocol its struct adopts and
/// where else it shows up: the client answers a request through its handler and the router, sends an
/// event through the initialization gate, and sends a notice (a warning or error named at run time)
/// as it is.
enum MessageRole {
    /// A query or request the client answers (`CTIRequest`): its name is fixed and its kind is
    /// answered by a kind the protocol says how to build.
    case request
    /// An event (`CTIEvent`) with a fixed name.
    case event
    /// A warning or error whose name travels in its header (`CTINotice`).
    case notice

    /// The role of `message` under `protocolDefinition`. The spec checker guarantees what the generated
    /// code relies on beyond this: answered kinds and events carry a string `target`.
    init(of message: Message, in protocolDefinition: ProtocolDefinition) {
        if message.name != nil, message.response != nil, let kind = protocolDefinition.kind(message.kind),
            ResponseShape(answering: kind, in: protocolDefinition) != nil
        {
            self = .request
        } else if message.kind == .event, message.name != nil {
            self = .event
        } else {
            self = .notice
        }
    }

    /// The runtime protocol the message's struct adopts.
    var runtimeProtocol: String {
        switch self {
        case .request: "CTIRuntime.CTIRequest"
        case .event: "CTIRuntime.CTIEvent"
        case .notice: "CTIRuntime.CTINotice"
        }
    }
}
