/// The response to a query or request: the client's answer, which repeats the name, target and
/// request id of what it answers and says whether it succeeded. A SUCCESS carries the body; a
/// FAILURE carries its error message and may leave the body out (`{}`), so ``body`` is optional.
///
/// Every response type is this one over its request: `Session.CloseResponse` is
/// `CTIResponse<Session.CloseRequest>`.
public struct CTIResponse<Request: CTIRequest>: CTIMessage {
    public typealias Header = Request.Header.Answer
    public typealias Body = Request.ResponseBody

    public static var destination: String { Request.destination }

    public static var exampleBodyJSON: String { Request.exampleResponseBodyJSON }

    /// The header.
    public var header: Header

    /// The body; nil in a FAILURE that carries none.
    public var body: Body?

    /// Creates a response.
    @inlinable
    public init(header: Header, body: Body?) {
        self.header = header
        self.body = body
    }

    /// Reads a response. A FAILURE whose body is empty gets no body; any other body is read, so a
    /// SUCCESS reports every problem of its body.
    @inlinable
    public init?(envelope: Envelope, issues: inout [ValidationIssue]) {
        let start = issues.count
        let header = Header.read(from: envelope, messageName: Request.name, issues: &issues)
        var body: Body?
        let bodyIsEmpty = envelope.body == .object(JSONObject())
        // A header that cannot be read does not say whether the body may be left out: an empty body is
        // not read then, so it adds no issues of its own.
        if !bodyIsEmpty || header.map({ !$0.isFailure }) == true {
            body = issues.filing(under: .key("body")) { Body(json: envelope.body, issues: &$0) }
        }
        guard let header, issues.count == start else { return nil }
        self.init(header: header, body: body)
    }

    /// The envelope; a response that does not report a failure and has no body gets an issue, as a
    /// reader would refuse it.
    @inlinable
    public func envelope(issues: inout [ValidationIssue]) -> Envelope {
        if body == nil, !header.isFailure {
            issues.append(ValidationIssue(path: [.key("body")], message: "required unless \(Header.failureCondition)"))
        }
        return Envelope(writing: header, messageName: Request.name, body: body, issues: &issues)
    }

    /// A response with the example header (a SUCCESS) and ``exampleBodyJSON``.
    public static var example: Self? {
        (try? Body(jsonText: exampleBodyJSON)).map { Self(header: .example, body: $0) }
    }
}
