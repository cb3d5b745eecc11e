import CTIRuntime
import PropertyBased

/// Random valid envelopes of a message type, and random ways to split a stream into chunks.
enum RandomMessages {
    /// A random valid header of `type`'s kind, with unknown members after the known ones.
    static func header(for type: MessageType, _ rng: inout some RandomNumberGenerator) -> JSONObject {
        var header = JSONObject()
        header.append(key: "type", value: .string(type.kind.rawValue))
        header.append(key: "name", value: .string(type.wireName ?? RandomJSON.string(&rng)))
        header.append(key: "target", value: .string(RandomJSON.string(&rng)))
        switch type.kind {
        case .query, .request:
            header.append(key: "requestId", value: .string(RandomJSON.guid(&rng)))
        case .response:
            header.append(key: "requestId", value: .string(RandomJSON.guid(&rng)))
            let result = ["SUCCESS", "FAILURE", RandomJSON.string(&rng)].randomElement(using: &rng)!
            header.append(key: "result", value: .string(result))
            if result == "FAILURE" || Bool.random(using: &rng) {
                header.append(key: "errorMessage", value: .string(RandomJSON.string(&rng, maxLength: 40)))
            }
        case .event:
            break
        case .warning, .error:
            header.append(key: "code", value: .string(RandomJSON.string(&rng)))
            header.append(key: "message", value: .string(RandomJSON.string(&rng, maxLength: 40)))
        }
        return RandomJSON.addingUnknownMembers(to: header, &rng)
    }

    /// A random valid body of `type`, shaped like its example.
    static func body(for type: MessageType, _ rng: inout some RandomNumberGenerator) -> JSONValue {
        RandomJSON.valid(like: type.exampleBody, &rng, issues: type.bodyIssues)
    }

    /// A random valid envelope of `type`. A FAILURE response sometimes carries no body.
    static func envelope(for type: MessageType, _ rng: inout some RandomNumberGenerator) -> Envelope {
        let header = header(for: type, &rng)
        if header["result"] == .string("FAILURE"), Bool.random(using: &rng) {
            return Envelope(header: header, body: .object(JSONObject()))
        }
        return Envelope(header: header, body: body(for: type, &rng))
    }

    /// A generator of random valid envelopes of `type`.
    static func envelopes(of type: MessageType) -> Generator<Envelope, Shrink.None<Envelope>> {
        Generator { rng in envelope(for: type, &rng) }
    }

    /// Chunk sizes that add up to `total`: mostly small, sometimes whole runs at once.
    static func chunkSizes(total: Int, _ rng: inout some RandomNumberGenerator) -> [Int] {
        var sizes: [Int] = []
        var remaining = total
        while remaining > 0 {
            let size =
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: 1
                case 1: Int.random(in: 1...7, using: &rng)
                case 2: Int.random(in: 1...64, using: &rng)
                default: Int.random(in: 1...max(1, remaining), using: &rng)
                }
            sizes.append(min(size, remaining))
            remaining -= min(size, remaining)
        }
        return sizes
    }
}

/// Feeds `stream` to a decoder in chunks of `sizes`, taking every result after each chunk, then ends the stream.
func decodeInChunks(
    _ stream: [UInt8], sizes: [Int], options: FramingOptions = .default
) -> (results: [Result<[UInt8], FrameError>], end: FrameError?) {
    var decoder = FrameDecoder(options: options)
    var results: [Result<[UInt8], FrameError>] = []
    var start = 0
    for size in sizes {
        decoder.append(stream[start..<start + size])
        start += size
        while let result = decoder.next() { results.append(result) }
    }
    precondition(start == stream.count, "chunk sizes must cover the stream")
    return (results, decoder.finish())
}

/// The JSON of an envelope with every object's members sorted, as bytes: equal exactly when the
/// two envelopes hold the same members with byte-identical keys and values.
func canonicalBytes(_ envelope: Envelope) -> [UInt8] {
    var object = JSONObject()
    object.append(key: "header", value: .object(envelope.header))
    object.append(key: "body", value: envelope.body)
    return JSONValue.object(object).canonicalized.serialized()
}
