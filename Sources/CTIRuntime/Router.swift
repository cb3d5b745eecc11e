/// Routes the bridge's queries and requests to a handler: decodes the envelope once, finds the
/// route by `header.name`, and returns exactly one response for every message it can answer.
public struct Router<Handler: Sendable>: Sendable {
    /// The handler messages go to.
    public let handler: Handler
    /// The destinations initialized so far; share it with an ``EventSender``.
    public let tracker: InitializationTracker
    /// Bounds on the JSON read from a frame.
    public let limits: JSONLimits
    private let routes: [String: RouteChoice]
    private let selectors: [String: VariantSelector<Handler>]
    private let failureResponse: @Sendable (Envelope, String) -> Envelope?

    /// The routes of one message name: the destination's, and those of variants that change or refuse it.
    private struct RouteChoice: Sendable {
        var shared: ClientRoute<Handler>?
        var byVariant: [String: ClientRoute<Handler>] = [:]
        var any: ClientRoute<Handler> { shared ?? byVariant.values.first! }
    }

    /// Creates a router. Generated code supplies the routes, how to tell a destination's variants
    /// apart (`variants`; needed for every destination some route names a variant of), and how to
    /// build a FAILURE response that echoes a raw envelope's headers (nil when the headers cannot be
    /// echoed).
    public init(
        handler: Handler, routes: [ClientRoute<Handler>], variants: [VariantSelector<Handler>] = [],
        tracker: InitializationTracker = InitializationTracker(), limits: JSONLimits = .default,
        failureResponse: @escaping @Sendable (Envelope, String) -> Envelope?
    ) {
        self.handler = handler
        self.tracker = tracker
        self.limits = limits
        self.failureResponse = failureResponse
        var table: [String: RouteChoice] = [:]
        for route in routes {
            if let variant = route.variant {
                table[route.name, default: RouteChoice()].byVariant[variant] = route
            } else {
                table[route.name, default: RouteChoice()].shared = route
            }
        }
        self.routes = table
        self.selectors = Dictionary(variants.map { ($0.destination, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// A response, and the destination it initializes (an init query's SUCCESS). A transport marks
    /// the destination initialized in ``tracker`` once the response is written, so that no event can
    /// overtake it on the wire; `route(_:)` (an envelope) marks it at once.
    public struct Answer: Sendable {
        /// The response to send.
        public var response: Envelope
        /// The destination sending the response initializes; nil for any other response.
        public var initializes: InitializedDestination?

        /// Creates an answer.
        public init(response: Envelope, initializes: InitializedDestination? = nil) {
            self.response = response
            self.initializes = initializes
        }
    }

    /// Answers one frame's content with the response's content, and marks a destination the answer
    /// initializes at once (a transport that writes the answer itself uses `answer(_:)`).
    ///
    /// A frame whose header can be read but whose body cannot (it breaks a limit, or the JSON after the
    /// header is malformed) is answered FAILURE with the reason, so the bridge does not wait for an
    /// answer that never comes; only a frame with no readable header throws.
    public func route(_ payload: [UInt8]) async throws(RoutingError) -> [UInt8] {
        let answer = try await answer(payload)
        answer.initializes.map(tracker.markInitialized)
        return answer.response.serialized()
    }

    /// Answers one envelope, marking a destination the answer initializes at once.
    public func route(_ envelope: Envelope) async throws(RoutingError) -> Envelope {
        let answer = try await answer(envelope)
        answer.initializes.map(tracker.markInitialized)
        return answer.response
    }

    /// Answers one frame's content (see `route(_:)`) without marking the destination the
    /// answer initializes: the caller marks it in ``tracker`` once the answer is written.
    public func answer(_ payload: [UInt8]) async throws(RoutingError) -> Answer {
        let envelope: Envelope
        do {
            envelope = try Envelope(parsing: payload, limits: limits)
        } catch {
            guard case .invalidJSON(let reason) = error, let header = Envelope.header(salvagedFrom: payload, limits: limits)
            else { throw .notAnEnvelope(error) }
            return Answer(response: try fail(Envelope(header: header), "the message cannot be read: \(reason)"))
        }
        return try await answer(envelope)
    }

    /// Answers one envelope without marking the destination the answer initializes.
    public func answer(_ envelope: Envelope) async throws(RoutingError) -> Answer {
        guard let name = envelope.headerString("name") else {
            throw .cannotAnswer("header.name is missing or not a string")
        }
        guard let choice = routes[name] else {
            return Answer(response: try fail(envelope, "unknown message \(ValidationIssue.quoted(name)): this client does not handle it"))
        }
        let type = envelope.headerString("type")
        guard type == choice.any.wireType else {
            return Answer(
                response: try fail(envelope, "'\(name)' is a \(choice.any.wireType), but header.type is \(type.map(ValidationIssue.quoted) ?? "missing")"))
        }
        var route = choice.any
        if !choice.byVariant.isEmpty {
            let destination = route.destination
            let target = envelope.headerString("target") ?? ""
            let variant = await selectors[destination]?.select(handler, target)
            guard let chosen = variant.flatMap({ choice.byVariant[$0] }) ?? choice.shared else {
                return Answer(
                    response: try fail(
                        envelope,
                        "'\(name)' is not supported by \(ValidationIssue.quoted(target)), a \(variant ?? "generic") \(destination); only the \(choice.byVariant.keys.sorted().joined(separator: ", ")) variant answers it"))
            }
            route = chosen
        }
        switch await route.respond(handler, envelope) {
        case .response(let response, let initializes): return Answer(response: response, initializes: initializes)
        case .refused(let message): return Answer(response: try fail(envelope, message))
        }
    }

    private func fail(_ envelope: Envelope, _ message: String) throws(RoutingError) -> Envelope {
        guard let response = failureResponse(envelope, message) else {
            throw .cannotAnswer("\(message); and the headers needed to answer (name, target, requestId) are missing")
        }
        return response
    }
}

/// A frame a router cannot answer at all.
public enum RoutingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not an envelope.
    case notAnEnvelope(EnvelopeError)
    /// The envelope lacks what a response must echo.
    case cannotAnswer(String)

    public var description: String {
        switch self {
        case .notAnEnvelope(let error): error.description
        case .cannotAnswer(let reason): "cannot answer: \(reason)"
        }
    }
}
