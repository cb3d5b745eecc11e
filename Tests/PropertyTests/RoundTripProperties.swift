import CTIMessages
import CTIRuntime
import PropertyBased
import Testing

/// For random valid messages of every type: decode -> encode -> frame -> decode gives an equal
/// value and the same bytes, and nothing the sender put in the message is lost on the way.
@Suite struct RoundTripProperties {
    @Test func catalogCoversEveryGeneratedType() throws {
        let generated = try MessageCatalog.generatedTypeNames()
        #expect(!generated.isEmpty)
        #expect(Set(MessageCatalog.all.map(\.typeName)) == generated)
        // The router's routes are exactly the catalog's queries and requests.
        let routes = Session.clientRoutes(for: ExampleClientHandler.self).map { "\($0.wireType) \($0.name)" }
        #expect(Set(routes) == Set(MessageCatalog.requests.map { "\($0.kind.rawValue) \($0.wireName ?? "")" }))
    }

    @Test func everyExampleBodyIsValid() {
        for type in MessageCatalog.all {
            #expect(type.bodyIssues(type.exampleBody) == [], "\(type)")
        }
    }

    /// The generator really varies the bodies (it falls back to the example only when it cannot).
    @Test func randomBodiesVary() {
        var rng = SplitMix64(seed: 7)
        for type in MessageCatalog.all {
            let bodies = Set((0..<20).map { _ in RandomMessages.body(for: type, &rng).serialized() })
            #expect(bodies.count > 10, "\(type): \(bodies.count) distinct bodies of 20")
        }
    }

    @Test(arguments: MessageCatalog.all)
    func encodeFrameDecodeGivesAnEqualValue(_ type: MessageType) async {
        await propertyCheck(count: 150, input: RandomMessages.envelopes(of: type), Gen.int(in: 0...Int.max)) { envelope, seed in
            let first: DecodedMessage
            switch type.read(envelope) {
            case .success(let message): first = message
            case .failure(let error):
                Issue.record("a random valid \(type) was refused: \(error)\n\(envelope.serialized().text)")
                return
            }
            #expect(first.validationIssues == [], "\(envelope.serialized().text)")

            // Nothing is lost: every member, known or not, comes back with the same bytes.
            #expect(
                canonicalBytes(first.envelope).text == canonicalBytes(envelope).text,
                "re-encoding lost or changed a member")

            // Through the wire: one frame, split at random, read back as an equal value with the same bytes.
            let payload = first.envelope.serialized()
            let stream: [UInt8]
            do { stream = try FrameEncoder().encode(payload) } catch {
                Issue.record("\(error)")
                return
            }
            var rng = SplitMix64(seed: UInt64(seed))
            let (results, end) = decodeInChunks(stream, sizes: RandomMessages.chunkSizes(total: stream.count, &rng))
            #expect(end == nil)
            guard results.count == 1, case .success(let received) = results[0] else {
                Issue.record("expected one frame, got \(results)")
                return
            }
            #expect(received == payload)
            let reparsed: Envelope
            do { reparsed = try Envelope(parsing: received) } catch {
                Issue.record("the encoded message is not an envelope: \(error)")
                return
            }
            guard case .success(let second) = type.read(reparsed) else {
                Issue.record("the encoded \(type) does not read back: \(payload.text)")
                return
            }
            #expect(second.value == first.value)
            #expect(second.envelope.serialized() == payload, "encoding is stable")
        }
    }

    @Test(arguments: MessageCatalog.all)
    func unknownMembersSurviveInHeaderAndBody(_ type: MessageType) async {
        await propertyCheck(count: 50, input: RandomMessages.envelopes(of: type)) { envelope in
            var rng = SplitMix64(seed: UInt64(envelope.serialized().count))
            var header = envelope.header
            let headerKey = RandomJSON.unknownKey(&rng, avoiding: header)
            let headerValue = RandomJSON.value(&rng)
            header.append(key: headerKey, value: headerValue)
            var body = envelope.body
            var bodyKey: String?
            // (A FAILURE response without a body stays without one: a body would have to be complete.)
            let bodyless = header["result"] == .string("FAILURE") && body == .object(JSONObject())
            if case .object(var object) = body, !bodyless {
                let key = RandomJSON.unknownKey(&rng, avoiding: object)
                object.append(key: key, value: .string("kept"))
                body = .object(object)
                bodyKey = key
            }
            guard case .success(let decoded) = type.read(Envelope(header: header, body: body)) else {
                Issue.record("refused after adding unknown members")
                return
            }
            #expect(decoded.envelope.header[headerKey]?.serialized() == headerValue.serialized())
            if let bodyKey, decoded.envelope.body != .object(JSONObject()) {
                #expect(decoded.envelope.body.objectValue?[bodyKey] == .string("kept"))
            }
        }
    }

    /// Every value of an enum the spec does not list comes back as it was sent.
    @Test func unknownEnumValuesSurvive() async {
        let event = MessageCatalog.all.first { $0.typeName == "ChannelAddedEvent" }!
        let response = MessageCatalog.all.first { $0.typeName == "InitResponse" }!
        await propertyCheck(count: 200, input: Generator { rng in RandomJSON.string(&rng) }) { value in
            let listed = ["TELEPHONY", "EMAIL", "CHAT", "CALLBACK", "UNSUPPORTED", "SUCCESS", "FAILURE"]
            guard !listed.contains(where: { $0.bytes == value.bytes }) else { return }
            let eventEnvelope = Envelope(
                header: ["type": "cti.event", "name": "session.channel.added", "target": "s"],
                body: .object(["endpoint": "e", "type": .string(value)]))
            if case .success(let decoded) = event.read(eventEnvelope) {
                #expect(decoded.envelope.body.objectValue?["type"]?.stringValue?.bytes == value.bytes)
            } else {
                Issue.record("an unknown enum value was refused")
            }
            let responseEnvelope = Envelope(
                header: [
                    "type": "cti.response", "name": "session.query.init", "target": "s",
                    "requestId": "{0F8FAD5B-D9CB-469F-A165-70867728950E}", "result": .string(value),
                ],
                body: .object(["channelGroup": "g"]))
            if case .success(let decoded) = response.read(responseEnvelope) {
                #expect(decoded.envelope.header["result"]?.stringValue?.bytes == value.bytes)
            } else {
                Issue.record("an unknown result value was refused")
            }
        }
    }
}

/// A small seeded generator for chunk sizes derived from a property input.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension [UInt8] {
    /// The bytes as text, for failure messages.
    var text: String { String(decoding: self, as: UTF8.self) }
}
