import CTIRuntime

/// A desk phone as a bridge client drives it, written against the public API the build plugin generates
/// from `phone.cti.yaml`; phone-client serves it to the bridge.
public struct DeskPhone: ClientHandler {
    /// The agent's extension; the init query must name it.
    public let `extension`: String
    /// The line the phone uses.
    public let line: String

    /// A phone for `extension` on `line`.
    public init(extension: String, line: String) {
        self.extension = `extension`
        self.line = line
    }

    public func handleInit(_ query: Phone.InitQuery) async throws -> Phone.InitResponse.Body {
        guard query.body.extension == `extension` else { throw CTIFailure("this phone is extension \(`extension`)") }
        return Phone.InitResponse.Body(line: line)
    }

    public func handleDial(_ request: Phone.DialRequest) async throws -> Phone.DialResponse.Body {
        Phone.DialResponse.Body(callId: "call-\(request.body.number)")
    }
}
