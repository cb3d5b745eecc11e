/// The protocol promises a client handler must keep, checked by sending it messages through a
/// router. Generated conformance suites call these with messages built from the spec's examples.
public enum ConformanceChecks {
    /// Routes `request` and checks the answer: one response, of the response type, that echoes
    /// `echoedKeys` of the request's header byte for byte and breaks no rule (a FAILURE carries its
    /// message). Returns one line per broken promise.
    public static func checkAnswer<Handler: Sendable, Request: CTIRequestMessage>(
        to request: Request, echoedKeys: [String], router: Router<Handler>
    ) async -> [String] {
        let label = Request.name
        let answer: Envelope
        do {
            answer = try await router.route(Envelope(parsing: request.envelope.serialized()))
        } catch {
            return ["\(label): no response: \(error)"]
        }
        var findings: [String] = []
        for key in echoedKeys where answer.header[key] != request.envelope.header[key] {
            findings.append("\(label): header.\(key) is not echoed (sent \(describe(request.envelope.header[key])), got \(describe(answer.header[key])))")
        }
        do {
            let response = try Request.Response(envelope: answer)
            findings += response.validate().map { "\(label): response breaks a rule: \($0)" }
        } catch {
            findings.append("\(label): the response is not a valid \(Request.Response.self): \(error)")
        }
        return findings
    }

    /// Routes `request` with its body replaced by `body` (one that breaks the body's rules) and
    /// checks the answer is a valid response that echoes the headers and is not the success value
    /// `successValue` of `statusKey`.
    public static func checkInvalidBodyIsRefused<Handler: Sendable, Request: CTIRequestMessage>(
        _ request: Request, body: JSONValue, echoedKeys: [String], statusKey: String, successValue: String,
        router: Router<Handler>
    ) async -> [String] {
        var envelope = request.envelope
        envelope.body = body
        let label = "\(Request.name) with an invalid body"
        do {
            let answer = try await router.route(envelope)
            var findings = echoedKeys.filter { answer.header[$0] != envelope.header[$0] }.map { "\(label): header.\($0) is not echoed" }
            if answer.header[statusKey]?.stringValue == successValue {
                findings.append("\(label): answered \(successValue)")
            }
            return findings
        } catch {
            return ["\(label): no response: \(error)"]
        }
    }

    /// Checks that `event` is refused before its destination is initialized, and accepted after.
    public static func checkEventGate<Event: CTIEventMessage>(_ event: Event) -> [String] {
        let tracker = InitializationTracker()
        let sender = EventSender(tracker: tracker)
        var findings: [String] = []
        if (try? sender.envelope(for: event)) != nil {
            findings.append("\(Event.self): sent before \(Event.destination) was initialized")
        }
        tracker.markInitialized(destination: Event.destination, target: event.target)
        do {
            _ = try sender.envelope(for: event)
        } catch {
            findings.append("\(Event.self): refused after initialization: \(error)")
        }
        return findings
    }

    private static func describe(_ value: JSONValue?) -> String {
        value.map { String(decoding: $0.serialized(), as: UTF8.self) } ?? "nothing"
    }
}

extension ConformanceChecks {
    /// A body read from example JSON text; nil when the text is not a valid body.
    public static func example<Body: JSONRepresentable>(_ json: String) -> Body? {
        guard let value = try? JSONParser().parse(json) else { return nil }
        return try? Body(validating: value)
    }
}
