import CTISpec

/// The names of the top-level declarations a run generates, sources and tests, with the configured
/// prefix, so two generated modules imported into one file do not clash. Every translator asks here,
/// and the Swift name checker keeps a spec's names clear of them.
struct GeneratedNames: Sendable {
    /// Put in front of every top-level name (empty by default).
    let prefix: String
    /// The base names (`Init`) of queries and requests that more than one destination has: their
    /// handler methods carry the destination (`handleChannelInit`), since `ClientHandler` joins every
    /// destination's handler and overloads told apart by parameter type alone read badly.
    private let sharedRequestNames: Set<String>

    /// The names of a run over `spec` (nil: only the spec-wide names are asked for).
    init(prefix: String, spec: Spec?) {
        self.prefix = prefix
        var destinationsByName: [String: Set<String>] = [:]
        for destination in spec?.destinations ?? [] {
            for message in destination.messages where MessageRole(of: message, in: spec!.protocolDefinition) == .request {
                destinationsByName[message.swiftBaseName(in: destination), default: []].insert(destination.swiftNamespace)
            }
        }
        sharedRequestNames = Set(destinationsByName.filter { $0.value.count > 1 }.keys)
    }

    /// The handler method that answers `message` of `destination`: `handleCreateChannelGroup`, or
    /// `handleChannelInit` when another destination has a query or request of the same base name.
    func handlerMethod(for message: Message, in destination: Destination) -> String {
        let base = message.swiftBaseName(in: destination)
        return "handle" + (sharedRequestNames.contains(base) ? destination.swiftNamespace : "") + base
    }

    /// `channelVariant`: the handler method that says which variant of `destination` a target is.
    func variantSelector(_ destination: Destination) -> String { destination.swiftNamespace.lowercasingFirst + "Variant" }

    /// `Session`.
    func namespace(_ destination: Destination) -> String { prefix + destination.swiftNamespace }
    /// `QueryHeader`.
    func header(_ kind: MessageKind) -> String { prefix + SwiftNaming.typeName(kind.id.rawValue + " header") }
    /// `SessionHandler`.
    func handler(_ destination: Destination) -> String { namespace(destination) + Self.handlerSuffix }
    /// `SessionMessage`: the protocol every message of the destination adopts.
    func message(_ destination: Destination) -> String { namespace(destination) + Self.messageSuffix }
    /// `SessionMessageTests`: the generated tests of the destination's messages.
    func messageTests(_ destination: Destination) -> String { namespace(destination) + Self.messageTestsSuffix }

    private static let handlerSuffix = "Handler"
    private static let messageSuffix = "Message"
    private static let messageTestsSuffix = "MessageTests"
    /// What a destination's namespace is followed by in the names of its other top-level declarations.
    static let destinationSuffixes = [handlerSuffix, messageSuffix, messageTestsSuffix]
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
    /// The generated tests of the protocol's headers.
    var protocolHeaderTests: String { prefix + "ProtocolHeaderTests" }
    /// The generated routing tests.
    var routingTests: String { prefix + "RoutingTests" }
    /// The generated tests' handler that refuses everything.
    var failingClientHandler: String { prefix + "FailingClientHandler" }

    /// Every spec-wide top-level name (not those of a destination or a header).
    var specWide: [String] {
        [clientHandler, clientMessage, clientResponses, exampleClientHandler, clientConformance, protocolHeaderTests, routingTests, failingClientHandler]
    }
    /// The case of the spec-wide client message enum for a destination (`session`).
    func clientMessageCase(_ destination: Destination) -> String { destination.swiftNamespace.lowercasingFirst }
}
