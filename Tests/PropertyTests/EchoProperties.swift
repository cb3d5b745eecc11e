import CTIMessages
import CTIRuntime
import PropertyBased
import Testing

/// A random frame the bridge might send, and what the router must do with it.
struct RandomRequest: Sendable, CustomStringConvertible {
    enum Expected: Sendable, Equatable {
        case success
        case failure
        /// name, target or requestId is missing or not a string: a typed error, no response.
        case cannotAnswer
    }

    var header: JSONObject
    var body: JSONValue
    var expected: Expected
    /// The matching response type, for a request the router answers SUCCESS.
    var responseType: String?

    var payload: [UInt8] { Envelope(header: header, body: body).serialized() }
    var description: String { payload.text }

    static let generator = Generator<RandomRequest, Shrink.None<RandomRequest>> { rng in make(&rng) }

    static func make(_ rng: inout some RandomNumberGenerator) -> RandomRequest {
        let type = MessageCatalog.requests.randomElement(using: &rng)!
        var header = RandomMessages.header(for: type, &rng)
        var body = RandomMessages.body(for: type, &rng)
        var expected = Expected.success
        switch Int.random(in: 0..<8, using: &rng) {
        case 0, 1, 2:
            break
        case 3:
            body = RandomJSON.value(&rng)
            // A null body reads as an empty one.
            if type.bodyIssues(body.isNull ? .object(JSONObject()) : body).isEmpty == false { expected = .failure }
        case 4:
            header["requestId"] = .string(RandomJSON.notAGUID(&rng))
            expected = .failure
        case 5:
            let name = RandomJSON.string(&rng)
            header["name"] = .string(name)
            if !MessageCatalog.requests.contains(where: { $0.wireName?.bytes == name.bytes }) { expected = .failure }
        case 6:
            let kinds = MessageKind.allCases.map(\.rawValue) + [RandomJSON.string(&rng)]
            let wireType = kinds.randomElement(using: &rng)!
            header["type"] = .string(wireType)
            if wireType.bytes != type.kind.rawValue.bytes { expected = .failure }
        default:
            let key = ["name", "target", "requestId"].randomElement(using: &rng)!
            let notAString: [JSONValue?] = [nil, .null, .bool(true), 7, .array([]), .object(JSONObject())]
            header[key] = notAString.randomElement(using: &rng)!
            expected = .cannotAnswer
        }
        let responseType = MessageCatalog.all.first { $0.kind == .response && $0.wireName == type.wireName }?.typeName
        return RandomRequest(header: header, body: body, expected: expected, responseType: responseType)
    }
}

/// Whatever the bridge sends, a response echoes the request's name, target and requestId byte
/// for byte (braces and case of the GUID included), and a frame that cannot be answered is a
/// typed error.
@Suite struct EchoProperties {
    @Test func aResponseEchoesNameTargetAndRequestIdByteForByte() async {
        let router = Router(handler: ExampleClientHandler())
        await propertyCheck(count: 400, input: RandomRequest.generator) { request in
            let answer: [UInt8]
            do throws(RoutingError) {
                answer = try await router.route(request.payload)
            } catch {
                #expect(request.expected == .cannotAnswer, "refused with \(error)")
                if case .cannotAnswer = error {} else { Issue.record("not a cannotAnswer error: \(error)") }
                return
            }
            #expect(request.expected != .cannotAnswer, "answered a request that lacks what a response must echo")
            let response: Envelope
            do { response = try Envelope(parsing: answer) } catch {
                Issue.record("the response is not an envelope: \(error)")
                return
            }
            for key in ["name", "target", "requestId"] {
                #expect(
                    response.headerString(key)?.bytes == request.header[key]?.stringValue?.bytes,
                    "\(key) is not echoed byte for byte: \(answer.text)")
            }
            #expect(response.headerString("type") == "cti.response")
            let result = response.headerString("result")
            switch request.expected {
            case .success: #expect(result == "SUCCESS", "\(answer.text)")
            case .failure: #expect(result == "FAILURE", "\(answer.text)")
            case .cannotAnswer: break
            }
            if result == "FAILURE" {
                #expect(response.headerString("errorMessage")?.isEmpty == false, "a FAILURE without errorMessage")
            }
            // The answer fits in a frame, and a SUCCESS is a valid message of the response type.
            #expect(throws: Never.self) { try FrameEncoder().encode(answer) }
            if result == "SUCCESS", let name = request.responseType,
                let type = MessageCatalog.all.first(where: { $0.typeName == name })
            {
                if case .failure(let error) = type.read(response) { Issue.record("invalid \(name): \(error)") }
            }
        }
    }
}
