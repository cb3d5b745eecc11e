/// Writes messages as frames: a 4-byte length prefix, then the payload.
public struct FrameEncoder: Sendable {
    /// The framing in use.
    public let options: FramingOptions

    /// Creates an encoder for `options`.
    public init(options: FramingOptions = .default) {
        self.options = options
    }

    /// Returns `payload` framed. Throws `emptyFrame` for an empty payload and
    /// `payloadTooLarge` above the limit. The payload is not checked for valid UTF-8.
    public func encode(_ payload: [UInt8]) throws(FrameError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(payload.count + 4)
        try encode(payload, into: &output)
        return output
    }

    /// Appends `payload` framed to `output`, which is left unchanged when this throws
    /// (see `encode(_:)`).
    public func encode(_ payload: [UInt8], into output: inout [UInt8]) throws(FrameError) {
        if let error = problem(withLength: payload.count) {
            throw error
        }
        let prefix = prefixBytes(UInt32(payload.count))
        output.append(prefix.0)
        output.append(prefix.1)
        output.append(prefix.2)
        output.append(prefix.3)
        output.append(contentsOf: payload)
    }

    /// Appends `value` serialized as compact JSON and framed to `output`, writing the JSON
    /// straight into `output` (no intermediate payload array). `output` is left unchanged
    /// when this throws.
    public func encode(_ value: JSONValue, into output: inout [UInt8]) throws(FrameError) {
        try encode(into: &output) { value.serialized(into: &$0) }
    }

    /// Returns `envelope` serialized as compact JSON and framed, written in one buffer (no
    /// intermediate payload array). Throws as `encode(_:)` does.
    public func encode(_ envelope: Envelope) throws(FrameError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        try encode(envelope, into: &output)
        return output
    }

    /// Appends `envelope` serialized as compact JSON and framed to `output`; `output` is left
    /// unchanged when this throws.
    public func encode(_ envelope: Envelope, into output: inout [UInt8]) throws(FrameError) {
        try encode(into: &output) { envelope.serialized(into: &$0) }
    }

    /// Reserves the prefix, lets `write` append the payload, then fills the prefix in (or removes
    /// everything appended when the payload cannot be framed).
    private func encode(into output: inout [UInt8], _ write: (inout [UInt8]) -> Void) throws(FrameError) {
        let prefixStart = output.count
        output.append(contentsOf: repeatElement(0, count: 4))
        write(&output)
        let length = output.count - prefixStart - 4
        if let error = problem(withLength: length) {
            output.removeSubrange(prefixStart...)
            throw error
        }
        let prefix = prefixBytes(UInt32(length))
        output[prefixStart] = prefix.0
        output[prefixStart + 1] = prefix.1
        output[prefixStart + 2] = prefix.2
        output[prefixStart + 3] = prefix.3
    }

    /// Why a payload of `length` bytes cannot be framed, or nil when it can.
    private func problem(withLength length: Int) -> FrameError? {
        let limit = min(options.maxFrameBytes, Int(UInt32.max))
        if length == 0 {
            return .emptyFrame
        }
        if length > limit {
            return .payloadTooLarge(length: length, limit: limit)
        }
        return nil
    }

    /// The four prefix bytes for `length`, in wire order.
    private func prefixBytes(_ length: UInt32) -> (UInt8, UInt8, UInt8, UInt8) {
        let bytes = (
            UInt8(truncatingIfNeeded: length >> 24), UInt8(truncatingIfNeeded: length >> 16),
            UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length)
        )
        switch options.byteOrder {
        case .bigEndian: return bytes
        case .littleEndian: return (bytes.3, bytes.2, bytes.1, bytes.0)
        }
    }
}
