/// The protocol promises a client handler must keep, checked by sending it messages through a
/// router. A generated conformance suite lists the spec's queries, requests and events, and
/// ``run(_:requests:events:)`` checks each with the spec's example.
public enum ConformanceChecks {
    /// Checks every query and request in `requests` (answered, echoing its headers, with a valid
    /// response; one with required body members refuses an empty body) and every event in `events`
    /// (refused before its destination is initialized, sent after). One line per broken promise;
    /// empty when the handler keeps them all.
    public static func run<Handler: Sendable>(
        _ router: Router<Handler>, requests: [any CTIRequest.Type], events: [any CTIEvent.Type]
    ) async -> [String] {
        var findings: [String] = []
        for request in requests {
            findings += await check(request, router: router)
        }
        for event in events {
            findings += checkEventGate(event)
        }
        return findings
    }

    /// Routes the example of `Request`, and an empty body when `Request`'s body has required members.
    private static func check<Handler: Sendable, Request: CTIRequest>(
        _ type: Request.Type, router: Router<Handler>
    ) async -> [String] {
        guard let request = Request.example else {
            return ["\(Request.name): the spec's example does not build a valid request"]
        }
        var findings = await checkAnswer(to: request, router: router)
        var ignored: [ValidationIssue] = []
        if Request.Body(json: .object(JSONObject()), issues: &ignored) == nil {
            findings += await checkEmptyBodyIsRefused(request, router: router)
        }
        return findings
    }

    /// Routes `request` and checks the answer: one valid response that echoes the request's header
    /// byte for byte (every member the response header shares with it, and the name).
    public static func checkAnswer<Handler: Sendable, Request: CTIRequest>(
        to request: Request, router: Router<Handler>
    ) async -> [String] {
        await answer(to: request, router: router).findings
    }

    /// What `router` answers to `request`, sent as bytes as the bridge would send it: the answer and the
    /// response read from it, when there are, and the broken promises of ``checkAnswer(to:router:)``.
    static func answer<Handler: Sendable, Request: CTIRequest>(
        to request: Request, router: Router<Handler>
    ) async -> (envelope: Envelope?, response: Request.Response?, findings: [String]) {
        let label = Request.name
        let sent = request.envelope
        let answer: Envelope
        do {
            answer = try await router.route(Envelope(parsing: sent.serialized()))
        } catch {
            return (nil, nil, ["\(label): no response: \(error)"])
        }
        var findings = echoFindings(Request.self, label, sent: sent, answer: answer)
        do {
            return (answer, try Request.Response(envelope: answer), findings)
        } catch {
            findings.append("\(label): the response is not a valid response to it: \(error)")
            return (answer, nil, findings)
        }
    }

    /// Routes `request` with an empty body (one that lacks its required members) and checks the
    /// answer echoes the headers and is a FAILURE.
    public static func checkEmptyBodyIsRefused<Handler: Sendable, Request: CTIRequest>(
        _ request: Request, router: Router<Handler>
    ) async -> [String] {
        var sent = request.envelope
        sent.body = .object(JSONObject())
        let label = "\(Request.name) with an empty body"
        do {
            let answer = try await router.route(sent)
            var findings = echoFindings(Request.self, label, sent: sent, answer: answer)
            if let response = try? Request.Response(envelope: answer), !response.header.isFailure {
                findings.append("\(label): answered as a success")
            }
            return findings
        } catch {
            return ["\(label): no response: \(error)"]
        }
    }

    /// Checks that the example of `Event` is refused before its destination is initialized, and sent after.
    public static func checkEventGate<Event: CTIEvent>(_ type: Event.Type) -> [String] {
        guard let event = Event.example else {
            return ["\(Event.name): the spec's example does not build a valid event"]
        }
        let tracker = InitializationTracker()
        let sender = EventSender(tracker: tracker)
        var findings: [String] = []
        if (try? sender.envelope(for: event)) != nil {
            findings.append("\(Event.name): sent before \(Event.destination) was initialized")
        }
        tracker.markInitialized(destination: Event.destination, target: event.target)
        do {
            _ = try sender.envelope(for: event)
        } catch {
            findings.append("\(Event.name): refused after initialization: \(error)")
        }
        return findings
    }

    /// A finding for each member of the request's header that its response's header has too (the
    /// name, the target, the request id) and that did not come back byte for byte.
    private static func echoFindings<Request: CTIRequest>(
        _ type: Request.Type, _ label: String, sent: Envelope, answer: Envelope
    ) -> [String] {
        var ignored: [ValidationIssue] = []
        let responseKeys = Request.Header.Answer.example.jsonObject(messageName: Request.name, issues: &ignored).keys
        return sent.header.keys.filter { $0 != "type" && responseKeys.contains($0) }
            .filter { answer.header[$0] != sent.header[$0] }
            .map { "\(label): header.\($0) is not echoed (sent \(describe(sent.header[$0])), got \(describe(answer.header[$0])))" }
    }

    private static func describe(_ value: JSONValue?) -> String {
        value.map { String(decoding: $0.serialized(), as: UTF8.self) } ?? "nothing"
    }
}
