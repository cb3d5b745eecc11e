import CTISpec

/// The names of the top-level declarations a run generates, with the configured prefix, so two
/// generated modules imported into one file do not clash. Every translator asks here.
struct GeneratedNames: Sendable {
    /// Put in front of every top-level name (empty by default).
    let prefix: String

    /// `Session`.
    func namespace(_ destination: Destination) -> String { prefix + destination.swiftNamespace }
    /// `QueryHeader`.
    func header(_ kind: MessageKind) -> String { prefix + SwiftNaming.typeName(kind.id.rawValue + " header") }
    /// `SessionHandler`.
    func handler(_ destination: Destination) -> String { namespace(destination) + "Handler" }
    /// `SessionMessage`: the protocol every message of the destination adopts.
    func message(_ destination: Destination) -> String { namespace(destination) + "Message" }
    /// The protocol joining every destination's handler.
    var clientHandler: String { prefix + "ClientHandler" }
    /// Everything the client sends, by destination.
    var clientMessage: String { prefix + "ClientMessage" }
    /// FAILURE answers for unreadable messages.
    var clientResponses: String { prefix + "ClientResponses" }
    /// The handler answering with examples.
    var exampleClientHandler: String { prefix + "ExampleClientHandler" }
    /// The conformance suite.
    var clientConformance: String { prefix + "ClientConformance" }
    /// The case of the spec-wide client message enum for a destination (`session`).
    func clientMessageCase(_ destination: Destination) -> String { destination.swiftNamespace.lowercasingFirst }
}
