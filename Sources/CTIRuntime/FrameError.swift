/// A problem with one frame of the stream.
public enum FrameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A frame declares `length` content bytes, more than the `limit` of
    /// `FramingOptions.maxFrameBytes`. The decoder skips the frame.
    case frameTooLarge(length: Int, limit: Int)
    /// A frame has length 0, which cannot hold a JSON message. The decoder skips it; the
    /// encoder refuses an empty payload.
    case emptyFrame
    /// A frame's content is not valid UTF-8. The decoder skips the frame.
    case invalidUTF8(frameLength: Int)
    /// The stream ended inside a frame: `expected` bytes were announced and only
    /// `received` arrived. For a partial length prefix, `expected` is 4 and `received`
    /// counts prefix bytes; for a partial frame, both count content bytes.
    case truncated(expected: Int, received: Int)
    /// A payload handed to the encoder has `length` bytes, more than `limit` (the
    /// smaller of `FramingOptions.maxFrameBytes` and what 4 bytes can express).
    case payloadTooLarge(length: Int, limit: Int)

    /// A sentence that explains the problem.
    public var description: String {
        switch self {
        case .frameTooLarge(let length, let limit):
            return "frame of \(length) bytes exceeds the limit of \(limit) bytes; skipped"
        case .emptyFrame:
            return "empty frame (length 0); skipped"
        case .invalidUTF8(let frameLength):
            return "frame of \(frameLength) bytes is not valid UTF-8; skipped"
        case .truncated(let expected, let received):
            return "stream ended inside a frame: expected \(expected) bytes, received \(received)"
        case .payloadTooLarge(let length, let limit):
            return "payload of \(length) bytes exceeds the frame limit of \(limit) bytes"
        }
    }
}
