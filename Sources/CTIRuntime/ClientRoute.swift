/// One query or request a router can answer: its name and how to turn its envelope into a response.
///
/// Generated code makes one per query and request, with the handler method to call:
/// `ClientRoute(Session.CloseRequest.self) { try await $0.handleClose($1) }`.
public struct ClientRoute<Handler: Sendable>: Sendable {
    /// The wire name the route answers.
    public let name: String
    /// The wire type (`cti.query`, `cti.request`) the route answers.
    public let wireType: String
    /// The destination of the message it answers (`channel`).
    public let destination: String
    /// The destination variant the route is for (`telephony`); nil for a route of the destination
    /// itself, which answers for every variant that has no route of its own for the name.
    public let variant: String?
    @usableFromInline let respond: @Sendable (Handler, Envelope) async -> RouteOutcome

    /// A route that reads `Request`, calls `handle`, and answers SUCCESS with the body it returns, or
    /// FAILURE when reading or the handler fails, or when the body it returns breaks the protocol (a
    /// GUID that is not one, a number JSON cannot hold).
    ///
    /// Always inlined into the generated routes, so the reading and answering it calls are specialized
    /// for each request type.
    @inlinable @inline(__always)
    public init<Request: CTIRequest>(
        _ type: Request.Type, handle: @escaping @Sendable (Handler, Request) async throws -> Request.ResponseBody
    ) {
        self.name = Request.name
        self.wireType = Request.Header.wireType
        self.destination = Request.destination
        self.variant = Request.variant
        // Made here, where `Request` is a concrete type and the handler is not yet known, so the answering
        // is specialized for the request type.
        let answer = RouteOutcome.answering(Request.self)
        self.respond = { handler, envelope in
            await answer(envelope) { try await handle(handler, $0) }
        }
    }

    /// A route for a query or request whose response has no body: `handle` returns nothing.
    @inlinable @inline(__always)
    public init<Request: CTIRequest>(
        _ type: Request.Type, handle: @escaping @Sendable (Handler, Request) async throws -> Void
    ) where Request.ResponseBody == EmptyBody {
        self.init(type) { (handler: Handler, request: Request) async throws -> EmptyBody in
            try await handle(handler, request)
            return EmptyBody()
        }
    }
}

extension ClientRoute {
    /// A route that answers every `Request` sent to a target of `variant` FAILURE with `reason` as the
    /// error message, without reading it or calling the handler: a request the variant does not support.
    public init<Request: CTIRequest>(refusing type: Request.Type, in variant: String, reason: String) {
        self.name = Request.name
        self.wireType = Request.Header.wireType
        self.destination = Request.destination
        self.variant = variant
        self.respond = { _, _ in .refused(reason) }
    }
}

/// How a router learns which variant of a destination a target is: the handler says, since the
/// client knows what it has created (a telephony channel, an unsupported one).
public struct VariantSelector<Handler: Sendable>: Sendable {
    /// The destination whose variants it tells apart (`channel`).
    public let destination: String
    let select: @Sendable (Handler, String) async -> String

    /// A selector for `destination` that asks the handler with `select`.
    public init<Variant: CTIDestinationVariant>(
        _ destination: String, _ select: @escaping @Sendable (Handler, String) async -> Variant
    ) {
        self.destination = destination
        self.select = { await select($0, $1).rawValue }
    }
}

/// What answering one query or request produced.
public enum RouteOutcome: Sendable {
    /// The response to send, and the destination it initializes once it is on its way (an init
    /// query's SUCCESS).
    case response(Envelope, initializes: InitializedDestination?)
    /// No valid response can be sent: the message could not be read, or the handler's answer breaks
    /// the protocol. The router answers FAILURE with this errorMessage.
    case refused(String)

    /// A function that answers `Request`s (see `answer`), specialized for it where the type is known.
    @inlinable
    static func answering<Request: CTIRequest>(
        _ type: Request.Type
    ) -> @Sendable (Envelope, (Request) async throws -> Request.ResponseBody) async -> RouteOutcome {
        { envelope, handle in await answer(Request.self, envelope, handle: handle) }
    }

    /// Reads `Request` from `envelope`, calls `handle`, and builds the response.
    @inlinable
    static func answer<Request: CTIRequest>(
        _ type: Request.Type, _ envelope: Envelope,
        handle: (Request) async throws -> Request.ResponseBody
    ) async -> RouteOutcome {
        // Reading checks the header's rules too, so a request read without issues is valid.
        var issues: [ValidationIssue] = []
        guard let request = Request(envelope: envelope, issues: &issues), issues.isEmpty else {
            return .refused("invalid \(Request.name): " + ValidationError(issues: issues).description)
        }
        let response: Request.Response
        do {
            response = request.success(try await handle(request))
        } catch let failure as CTIFailure {
            return .response(request.failure(failure.message).envelope, initializes: nil)
        } catch {
            return .response(request.failure(String(describing: error)).envelope, initializes: nil)
        }
        let answer = response.envelope(issues: &issues)
        guard issues.isEmpty else {
            return .refused("the handler's response to \(Request.name) is invalid: " + ValidationError(issues: issues).description)
        }
        let initialized = Request.initializesDestination ? InitializedDestination(destination: Request.destination, target: request.target) : nil
        return .response(answer, initializes: initialized)
    }
}
