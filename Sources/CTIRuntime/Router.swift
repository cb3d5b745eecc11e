/// One query or request a router can answer: its name and how to turn its envelope into a response.
public struct ClientRoute<Handler: Sendable>: Sendable {
    /// What handling produced.
    public enum Outcome: Sendable {
        /// The response to send.
        case response(Envelope)
        /// The message could not be read; the router answers FAILURE with this errorMessage.
        case unreadable(String)
    }

    /// The wire name the route answers.
    public let name: String
    /// The wire type (`cti.query`, `cti.request`) the route answers.
    public let wireType: String
    let respond: @Sendable (Handler, Envelope, InitializationTracker) async -> Outcome

    /// A route that decodes and validates `Request`, calls `handle`, and answers SUCCESS with what it
    /// returns, or FAILURE when reading, validation or the handler fails.
    public init<Request: CTIRequestMessage>(
        _ type: Request.Type, wireType: String,
        handle: @escaping @Sendable (Handler, Request) async throws -> Request.ResponseBody
    ) {
        self.name = Request.name
        self.wireType = wireType
        self.respond = { handler, envelope, tracker in
            var issues: [ValidationIssue] = []
            guard let request = Request(envelope: envelope, issues: &issues), issues.isEmpty else {
                return .unreadable("invalid \(Request.name): " + ValidationError(issues: issues).description)
            }
            let problems = request.validate()
            guard problems.isEmpty else {
                return .unreadable("invalid \(Request.name): " + ValidationError(issues: problems).description)
            }
            do {
                let body = try await handle(handler, request)
                if Request.initializesDestination {
                    tracker.markInitialized(destination: Request.destination, target: request.target)
                }
                return .response(request.success(body).envelope)
            } catch let failure as CTIFailure {
                return .response(request.failure(failure.message).envelope)
            } catch {
                return .response(request.failure(String(describing: error)).envelope)
            }
        }
    }
}

/// Routes the bridge's queries and requests to a handler: decodes the envelope once, finds the
/// route by `header.name`, and returns exactly one response for every message it can answer.
public struct Router<Handler: Sendable>: Sendable {
    /// The handler messages go to.
    public let handler: Handler
    /// The destinations initialized so far; share it with an ``EventSender``.
    public let tracker: InitializationTracker
    /// Bounds on the JSON read from a frame.
    public let limits: JSONLimits
    private let routes: [String: ClientRoute<Handler>]
    private let failureResponse: @Sendable (Envelope, String) -> Envelope?

    /// Creates a router. Generated code supplies the routes and how to build a FAILURE response
    /// that echoes a raw envelope's headers (nil when the headers cannot be echoed).
    public init(
        handler: Handler, routes: [ClientRoute<Handler>], tracker: InitializationTracker = InitializationTracker(),
        limits: JSONLimits = .default, failureResponse: @escaping @Sendable (Envelope, String) -> Envelope?
    ) {
        self.handler = handler
        self.tracker = tracker
        self.limits = limits
        self.failureResponse = failureResponse
        var table: [String: ClientRoute<Handler>] = [:]
        for route in routes { table[route.name] = route }
        self.routes = table
    }

    /// Answers one frame's content with the response's content.
    public func route(_ payload: [UInt8]) async throws(RoutingError) -> [UInt8] {
        let envelope: Envelope
        do { envelope = try Envelope(parsing: payload, limits: limits) } catch { throw .notAnEnvelope(error) }
        return try await route(envelope).serialized()
    }

    /// Answers one envelope.
    public func route(_ envelope: Envelope) async throws(RoutingError) -> Envelope {
        guard let name = envelope.headerString("name") else {
            throw .cannotAnswer("header.name is missing or not a string")
        }
        guard let route = routes[name] else {
            return try fail(envelope, "unknown message \(ValidationIssue.quoted(name)): this client does not handle it")
        }
        let type = envelope.headerString("type")
        guard type == route.wireType else {
            return try fail(envelope, "'\(name)' is a \(route.wireType), but header.type is \(type.map(ValidationIssue.quoted) ?? "missing")")
        }
        switch await route.respond(handler, envelope, tracker) {
        case .response(let response): return response
        case .unreadable(let message): return try fail(envelope, message)
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
