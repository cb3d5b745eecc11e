import CTIRuntime
import CTISpec

/// Checks what a client sends against the spec model, at run time: responses against the request they
/// answer (echoed header, outcome, the protocol's rules, body), and events, warnings and errors (known
/// to the spec, valid, and not before their destination's init response).
struct SpecConformance {
    let spec: Spec
    /// Destinations whose init query has been answered SUCCESS, by destination name and target.
    private(set) var initialized: Set<InitializedDestination> = []

    init(spec: Spec) {
        self.spec = spec
    }

    // MARK: Responses

    /// The checks of `response`, the answer to `step` sent with `sentHeader`.
    mutating func check(response: Envelope, to step: BridgeStep, sentHeader: JSONObject, latency: Double) -> [ConformanceCheck] {
        let subject = step.name
        var checks: [ConformanceCheck] = [.pass(subject, "answered", latency: latency)]
        guard let requestKind = spec.protocolDefinition.kind(step.message.kind),
            let answeredBy = requestKind.answeredBy, let kind = spec.protocolDefinition.kind(answeredBy)
        else { return checks }
        let type = response.headerString("type")
        checks.append(
            type == kind.wireType
                ? .pass(subject, "header.type is \(kind.wireType)")
                : .fail(subject, "header.type is \(kind.wireType)", expected: kind.wireType, actual: SpecJSON.text(response.header["type"])))
        // Every member of the request's header the response's kind has too comes back byte for byte.
        let echoed = sentHeader.keys.filter { $0 != "type" && kind.headerField($0) != nil }
        let different = echoed.filter { response.header[$0] != sentHeader[$0] }
        let echoCheck = "echoes " + echoed.joined(separator: ", ")
        checks.append(
            different.isEmpty
                ? .pass(subject, echoCheck)
                : .fail(
                    subject, echoCheck,
                    expected: different.map { "\($0) \(SpecJSON.text(sentHeader[$0]))" }.joined(separator: ", "),
                    actual: different.map { "\($0) \(SpecJSON.text(response.header[$0]))" }.joined(separator: ", ")))
        let headerFields = kind.header.filter { ResponseShape.isStored($0) && !echoed.contains($0.key) }
        let headerProblems = Body(rows: headerFields, fields: headerFields).problems(
            ofReceived: SpecJSON.specValue(.object(response.header), at: kind.location), path: "header", in: step.destination)
        checks.append(
            headerProblems.isEmpty
                ? .pass(subject, "header is valid")
                : .fail(subject, "header is valid", expected: "a header of kind \(kind.id.rawValue)", actual: headerProblems.joined(separator: "; ")))
        for rule in spec.protocolDefinition.rules {
            guard let condition = rule.when, let required = rule.require, kind.headerField(required) != nil,
                response.headerString(condition.key) == condition.equals
            else { continue }
            let what = "\(required) when \(condition.key) is \(condition.equals)"
            checks.append(
                response.header[required] != nil && response.header[required] != .null
                    ? .pass(subject, what)
                    : .fail(subject, what, expected: "header.\(required)", actual: "nothing"))
        }
        let shape = ResponseShape(answering: requestKind, in: spec.protocolDefinition)
        let outcome = shape.flatMap { response.headerString($0.status.key) }
        if let expected = step.expectedResult {
            checks.append(
                outcome == expected
                    ? .pass(subject, "result is \(expected)")
                    : .fail(subject, "result is \(expected)", expected: expected, actual: outcome ?? "nothing"))
        }
        if let shape, outcome == shape.failureValue { return checks }
        if let body = step.message.response?.body {
            let problems = body.problems(ofReceived: SpecJSON.specValue(response.body, at: kind.location), path: "body", in: step.destination)
            checks.append(
                problems.isEmpty
                    ? .pass(subject, "body matches the response table")
                    : .fail(subject, "body matches the response table", expected: "a valid body", actual: problems.joined(separator: "; ")))
        }
        if step.message.name == step.destination.initQuery?.name {
            initialized.insert(InitializedDestination(destination: step.destination.name, target: step.target))
        }
        return checks
    }

    // MARK: What the client sends on its own

    /// The checks of a message the client sent that answers nothing: an event, warning or error.
    func check(unsolicited envelope: Envelope) -> [ConformanceCheck] {
        let type = envelope.messageType
        guard let kind = spec.protocolDefinition.kinds.first(where: { $0.wireType == type }), kind.sender == .client,
            kind.answeredBy == nil
        else {
            return [.fail("connection", "a message the client may send", expected: "a response, event, warning or error", actual: "header.type \(SpecJSON.text(envelope.header["type"]))")]
        }
        let fixedName = kind.headerField("name")?.type == .messageName
        let candidates = spec.destinations.flatMap { destination in
            destination.messages.filter { $0.kind == kind.id && (!fixedName || $0.name == envelope.messageName) }.map { ($0, destination) }
        }
        let subject = fixedName ? "\(kind.id.rawValue) \(envelope.messageName)" : kind.id.rawValue
        // Among variants with the same name, the one whose body fits is the one the client meant.
        let fits = candidates.map { message, destination in
            (destination, message.body.problems(ofReceived: SpecJSON.specValue(envelope.body, at: message.location), path: "body", in: destination))
        }
        guard let (destination, bodyProblems) = fits.min(by: { $0.1.count < $1.1.count }) else {
            return [.fail(subject, "known to the spec", expected: "a \(kind.id.rawValue) of the spec", actual: "'\(envelope.messageName)'")]
        }
        var checks: [ConformanceCheck] = [.pass(subject, "known to the spec")]
        let headerFields = kind.header.filter(ResponseShape.isStored)
        let headerProblems = Body(rows: headerFields, fields: headerFields).problems(
            ofReceived: SpecJSON.specValue(.object(envelope.header), at: kind.location), path: "header", in: destination)
        checks.append(
            headerProblems.isEmpty
                ? .pass(subject, "header is valid")
                : .fail(subject, "header is valid", expected: "a header of kind \(kind.id.rawValue)", actual: headerProblems.joined(separator: "; ")))
        checks.append(
            bodyProblems.isEmpty
                ? .pass(subject, "body matches the table")
                : .fail(subject, "body matches the table", expected: "a valid body", actual: bodyProblems.joined(separator: "; ")))
        if kind.id == .event, let target = envelope.headerString("target") {
            let key = InitializedDestination(destination: destination.name, target: target)
            checks.append(
                initialized.contains(key)
                    ? .pass(subject, "sent after \(destination.name) '\(target)' was initialized")
                    : .fail(
                        subject, "sent after \(destination.name) '\(target)' was initialized",
                        expected: "the init response first", actual: "the event before it"))
        }
        return checks
    }
}
