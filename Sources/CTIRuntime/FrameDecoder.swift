/// Splits a byte stream into frames (a 4-byte length prefix, then that many bytes of
/// UTF-8 JSON) as the bytes arrive, in chunks of any size.
///
/// Feed bytes with `append(_:)`, then call `next()` until it returns nil; at the end of
/// the stream call `finish()`. A bad frame is reported once, as a failure from `next()`,
/// and decoding resumes with the frame after it:
///
/// - an empty frame (length 0) is reported and skipped;
/// - a frame longer than `FramingOptions.maxFrameBytes` is reported as soon as its prefix
///   is read; its content is then dropped as it arrives, never accumulated;
/// - a frame whose content is not valid UTF-8 is reported and skipped.
///
/// Bytes are kept in one buffer with a read position that is compacted only once the
/// consumed part dominates, so the work per byte is amortised O(1).
public struct FrameDecoder: Sendable {
    /// The framing in use.
    public let options: FramingOptions

    private var buffer: [UInt8] = []
    /// Position of the first unread byte in `buffer`.
    private var readIndex = 0
    /// Content bytes of an oversized frame still to be dropped as they arrive. While this
    /// is positive the buffer is empty.
    private var discardRemaining = 0
    /// The declared length of the frame being dropped.
    private var discardLength = 0

    /// Compaction moves the unread bytes to the front only once at least this many bytes
    /// have been consumed, and at least as many as remain.
    private static let compactionThreshold = 4096

    /// Creates a decoder for `options`.
    public init(options: FramingOptions = .default) {
        self.options = options
    }

    /// Bytes received but not yet returned as (or skipped with) a frame.
    public var bufferedByteCount: Int {
        buffer.count - readIndex
    }

    /// Bytes held in storage, consumed ones included (for tests of the compaction policy).
    var storedByteCount: Int {
        buffer.count
    }

    // MARK: Input

    /// Adds the next bytes of the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        let appended: Void? = bytes.withContiguousStorageIfAvailable { append(contiguous: $0) }
        guard appended == nil else { return }
        var iterator = bytes.makeIterator()
        while discardRemaining > 0 {
            guard iterator.next() != nil else { return }
            discardRemaining -= 1
        }
        compactIfWorthwhile()
        while let byte = iterator.next() {
            buffer.append(byte)
        }
    }

    /// Adds the next bytes of the stream.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contiguous: $0) }
    }

    /// Adds the next bytes of the stream.
    public mutating func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { append(contiguous: $0) }
    }

    /// Adds the next bytes of the stream, copying them out of `bytes`.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        bytes.withMemoryRebound(to: UInt8.self) { append(contiguous: $0) }
    }

    private mutating func append(contiguous bytes: UnsafeBufferPointer<UInt8>) {
        let dropped = min(discardRemaining, bytes.count)
        discardRemaining -= dropped
        guard dropped < bytes.count else { return }
        compactIfWorthwhile()
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[dropped...]))
    }

    // MARK: Output

    /// The next frame's payload, a failure for a bad frame (reported once, then skipped),
    /// or nil when more bytes are needed.
    public mutating func next() -> Result<[UInt8], FrameError>? {
        guard discardRemaining == 0, bufferedByteCount >= 4 else { return nil }
        let length = lengthPrefix(at: readIndex)
        let contentStart = readIndex + 4

        if length == 0 {
            readIndex = contentStart
            releaseIfDrained()
            return .failure(.emptyFrame)
        }

        if length > options.maxFrameBytes {
            let dropped = min(length, buffer.count - contentStart)
            readIndex = contentStart + dropped
            discardLength = length
            discardRemaining = length - dropped
            releaseIfDrained()
            return .failure(.frameTooLarge(length: length, limit: options.maxFrameBytes))
        }

        guard buffer.count - contentStart >= length else { return nil }
        let contentEnd = contentStart + length
        readIndex = contentEnd
        let frame: Result<[UInt8], FrameError> = buffer.withUnsafeBufferPointer { bytes in
            let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd])
            if UTF8Validation.firstInvalidOffset(in: content) != nil {
                return .failure(.invalidUTF8(frameLength: length))
            }
            return .success(Array(content))
        }
        releaseIfDrained()
        return frame
    }

    /// Ends the stream: returns `truncated` when it stopped inside a frame (a partial
    /// length prefix, partial content, or an oversized frame still being skipped), or
    /// nil when it ended on a frame boundary.
    ///
    /// Call it once `next()` has returned nil. The partial frame is dropped, so a second
    /// call returns nil; complete frames not yet taken with `next()` are kept.
    public mutating func finish() -> FrameError? {
        if discardRemaining > 0 {
            let error = FrameError.truncated(expected: discardLength, received: discardLength - discardRemaining)
            discardRemaining = 0
            discardLength = 0
            return error
        }
        var frameStart = readIndex
        while true {
            let remaining = buffer.count - frameStart
            if remaining == 0 {
                return nil
            }
            if remaining < 4 {
                dropTail(from: frameStart)
                return .truncated(expected: 4, received: remaining)
            }
            let length = lengthPrefix(at: frameStart)
            if remaining - 4 < length {
                dropTail(from: frameStart)
                return .truncated(expected: length, received: remaining - 4)
            }
            frameStart += 4 + length
        }
    }

    // MARK: Buffer management

    /// The length prefix stored at `offset`.
    private func lengthPrefix(at offset: Int) -> Int {
        let b0 = UInt32(buffer[offset])
        let b1 = UInt32(buffer[offset + 1])
        let b2 = UInt32(buffer[offset + 2])
        let b3 = UInt32(buffer[offset + 3])
        let value: UInt32
        switch options.byteOrder {
        case .bigEndian: value = b0 << 24 | b1 << 16 | b2 << 8 | b3
        case .littleEndian: value = b3 << 24 | b2 << 16 | b1 << 8 | b0
        }
        return Int(value)
    }

    /// Removes the partial frame that starts at `offset`.
    private mutating func dropTail(from offset: Int) {
        buffer.removeSubrange(offset...)
        releaseIfDrained()
    }

    /// Empties the buffer, keeping its storage, once every byte has been read.
    private mutating func releaseIfDrained() {
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        }
    }

    /// Moves the unread bytes to the front when the consumed prefix is large and at least
    /// as long as what remains, so each byte is moved at most a constant number of times.
    private mutating func compactIfWorthwhile() {
        if readIndex == buffer.count {
            releaseIfDrained()
        } else if readIndex >= Self.compactionThreshold, readIndex >= buffer.count - readIndex {
            buffer.removeSubrange(..<readIndex)
            readIndex = 0
        }
    }
}
