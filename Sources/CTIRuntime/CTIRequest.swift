/// A query or request: the bridge sends it and the client answers it with exactly one response,
/// ``CTIResponse`` over it.
///
/// ```swift
/// public struct CloseRequest: CTIRequest {
///     public static let name = "session.request.close"
///     public static let destination = "session"
///     public var header: RequestHeader
///     public var body: EmptyBody
///     ...
/// }
/// ```
public protocol CTIRequest: CTINamedMessage where Header: CTIRequestHeader {
    /// The body of a SUCCESS response.
    associatedtype ResponseBody: CTIObject = EmptyBody

    /// Whether answering it initializes its destination (the `<kind>.query.init` query): no event
    /// of the destination may be sent before.
    static var initializesDestination: Bool { get }

    /// An example of the SUCCESS response's body as JSON text (see ``CTIMessage/exampleBodyJSON``).
    static var exampleResponseBodyJSON: String { get }
}

extension CTIRequest {
    /// The response that answers it.
    public typealias Response = CTIResponse<Self>

    public static var initializesDestination: Bool { false }

    /// `{}`: the example of a response body with no members.
    public static var exampleResponseBodyJSON: String { "{}" }

    /// The body of ``exampleResponseBodyJSON``: what a handler that answers with the spec's examples
    /// returns.
    public static func exampleResponseBody() throws -> ResponseBody {
        try ResponseBody(jsonText: exampleResponseBodyJSON)
    }

    /// The addressed object (`header.target`).
    @inlinable
    public var target: String { header.target }

    /// A SUCCESS response that echoes this message's name, target and request id, with `body`.
    @inlinable
    public func success(_ body: ResponseBody) -> Response {
        Response(header: header.answer(.success), body: body)
    }

    /// A FAILURE response that echoes this message's name, target and request id and carries
    /// `errorMessage`.
    @inlinable
    public func failure(_ errorMessage: String) -> Response {
        Response(header: header.answer(.failure(errorMessage)), body: nil)
    }
}

extension CTIRequest where ResponseBody == EmptyBody {
    /// A SUCCESS response that echoes this message's name, target and request id, with an empty body.
    public func success() -> Response {
        success(EmptyBody())
    }
}
