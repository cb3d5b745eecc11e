/// One query or request a router can answer: its name and how to turn its envelope into a response.
///
/// Generated code makes one per query and request, with the handler method to call:
/// `ClientRoute(Session.CloseRequest.self) { try await $0.handleClose($1) }`.
public struct ClientRoute<Handler: Sendable>: Sendable {
    /// What handling produced.
    public enum Outcome: Sendable {
        /// The response to send.
        case response(Envelope)
        /// No valid response can be sent: the message could not be read, or the handler's answer breaks
        /// the protocol. The router answers FAILURE with this errorMessage.
        case refused(String)
    }

    /// The wire name the route answers.
    public let name: String
    /// The wire type (`cti.query`, `cti.request`) the route answers.
    public let wireType: String
    let respond: @Sendable (Handler, Envelope, InitializationTracker) async -> Outcome

    /// A route that reads and validates `Request`, calls `handle`, and answers SUCCESS with the body it
    /// returns, or FAILURE when reading, validation or the handler fails, or when the body it returns
    /// breaks the protocol (a GUID that is not one, a number JSON cannot hold).
    public init<Request: CTIRequest>(
        _ type: Request.Type, handle: @escaping @Sendable (Handler, Request) async throws -> Request.ResponseBody
    ) {
        self.name = Request.name
        self.wireType = Request.Header.wireType
        self.respond = { handler, envelope, tracker in
            var issues: [ValidationIssue] = []
            guard let request = Request(envelope: envelope, issues: &issues), issues.isEmpty else {
                return .refused("invalid \(Request.name): " + ValidationError(issues: issues).description)
            }
            let problems = request.validate()
            guard problems.isEmpty else {
                return .refused("invalid \(Request.name): " + ValidationError(issues: problems).description)
            }
            let response: Request.Response
            do {
                response = request.success(try await handle(handler, request))
            } catch let failure as CTIFailure {
                return .response(request.failure(failure.message).envelope)
            } catch {
                return .response(request.failure(String(describing: error)).envelope)
            }
            let answer = response.envelope(issues: &issues)
            guard issues.isEmpty else {
                return .refused("the handler's response to \(Request.name) is invalid: " + ValidationError(issues: issues).description)
            }
            if Request.initializesDestination {
                tracker.markInitialized(destination: Request.destination, target: request.target)
            }
            return .response(answer)
        }
    }

    /// A route for a query or request whose response has no body: `handle` returns nothing.
    public init<Request: CTIRequest>(
        _ type: Request.Type, handle: @escaping @Sendable (Handler, Request) async throws -> Void
    ) where Request.ResponseBody == EmptyBody {
        self.init(type) { (handler: Handler, request: Request) async throws -> EmptyBody in
            try await handle(handler, request)
            return EmptyBody()
        }
    }
}
