import CTIRuntime

/// A desk phone as the client drives it, written against the internal API the build plugin generates from
/// `Spec Files/phone.cti.yaml` (every top-level name prefixed with `Tel` by `Spec Files/cti-codegen.yaml`).
struct DeskPhone: TelClientHandler {
    /// The agent's extension; the init query must name it.
    let `extension`: String
    /// The line the phone uses.
    let line: String

    func handleInit(_ query: TelPhone.InitQuery) async throws -> TelPhone.InitResponse.Body {
        guard query.body.extension == `extension` else { throw CTIFailure("this phone is extension \(`extension`)") }
        return TelPhone.InitResponse.Body(line: line)
    }

    func handleDial(_ request: TelPhone.DialRequest) async throws -> TelPhone.DialResponse.Body {
        guard request.body.options.priority != .unknown("BLOCKED") else { throw CTIFailure("calls are blocked") }
        let recorded = request.body.options.record ? "-rec" : ""
        return TelPhone.DialResponse.Body(callId: "call-\(request.body.number)\(recorded)")
    }
}
