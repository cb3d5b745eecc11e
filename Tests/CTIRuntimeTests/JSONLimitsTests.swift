import Testing
@testable import CTIRuntime

@Suite("JSONLimits are enforced with the exact error")
struct JSONLimitsTests {
    @Test func defaults() {
        #expect(JSONLimits.default.maxDepth == 64)
        #expect(JSONLimits.default.maxMembers == 10_000)
        #expect(JSONLimits.default.maxStringBytes == 1 << 20)
        #expect(JSONParser().limits == .default)
    }

    @Test func depthLimit() {
        let limits = JSONLimits(maxDepth: 3)
        #expect(parseError("[[[1]]]", limits: limits) == nil)
        #expect(parseError("[[[[1]]]]", limits: limits) == JSONParseError(.tooDeep(limit: 3), offset: 3))
        #expect(parseError(#"{"a":{"a":{"a":{}}}}"#, limits: limits) == JSONParseError(.tooDeep(limit: 3), offset: 15))
        #expect(parseError(#"[{"a":[{}]}]"#, limits: limits) == JSONParseError(.tooDeep(limit: 3), offset: 7))
        #expect(parseError("1", limits: JSONLimits(maxDepth: 0)) == nil)
        #expect(parseError("[]", limits: JSONLimits(maxDepth: 0)) == JSONParseError(.tooDeep(limit: 0), offset: 0))
    }

    @Test func defaultDepthLimit() {
        let atLimit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let overLimit = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(parseError(atLimit) == nil)
        #expect(parseError(overLimit) == JSONParseError(.tooDeep(limit: 64), offset: 64))
    }

    @Test func hostileNestingDoesNotOverflowTheStack() {
        let hostile = String(repeating: "[", count: 100_000)
        #expect(parseError(hostile) == JSONParseError(.tooDeep(limit: 64), offset: 64))
        let objects = String(repeating: #"{"a":"#, count: 100_000)
        #expect(parseError(objects) == JSONParseError(.tooDeep(limit: 64), offset: 64 * 5))
    }

    @Test func memberLimit() {
        let limits = JSONLimits(maxMembers: 3)
        #expect(parseError("[1,2,3]", limits: limits) == nil)
        #expect(parseError("[1,2,3,4]", limits: limits) == JSONParseError(.tooManyMembers(limit: 3), offset: 7))
        #expect(parseError(#"{"a":1,"b":2,"c":3}"#, limits: limits) == nil)
        #expect(
            parseError(#"{"a":1,"b":2,"c":3,"d":4}"#, limits: limits)
                == JSONParseError(.tooManyMembers(limit: 3), offset: 19))
        // The limit is per container, not per document.
        #expect(parseError("[[1,2,3],[1,2,3],[1,2,3]]", limits: limits) == nil)
    }

    @Test func defaultMemberLimit() {
        let atLimit = "[" + Array(repeating: "0", count: 10_000).joined(separator: ",") + "]"
        let overLimit = "[" + Array(repeating: "0", count: 10_001).joined(separator: ",") + "]"
        #expect(parseError(atLimit) == nil)
        #expect(parseError(overLimit) == JSONParseError(.tooManyMembers(limit: 10_000), offset: 20_001))
    }

    @Test func stringLimitCountsDecodedBytes() {
        let limits = JSONLimits(maxStringBytes: 4)
        #expect(parseError(#""abcd""#, limits: limits) == nil)
        #expect(parseError(#""abcde""#, limits: limits) == JSONParseError(.stringTooLong(limit: 4), offset: 0))
        #expect(parseError(#"["ok","abcde"]"#, limits: limits) == JSONParseError(.stringTooLong(limit: 4), offset: 6))
        #expect(parseError(#"{"abcde":1}"#, limits: limits) == JSONParseError(.stringTooLong(limit: 4), offset: 1))
        // Escapes count as the bytes they decode to: é is 2 bytes of UTF-8.
        #expect(parseError(#""\u00e9\u00e9""#, limits: limits) == nil)
        #expect(parseError(#""\u00e9\u00e9a""#, limits: limits) == JSONParseError(.stringTooLong(limit: 4), offset: 0))
        #expect(parseError(#""ééa""#, limits: limits) == JSONParseError(.stringTooLong(limit: 4), offset: 0))
    }

    @Test func defaultStringLimit() {
        let atLimit = "\"" + String(repeating: "a", count: 1 << 20) + "\""
        let overLimit = "\"" + String(repeating: "a", count: (1 << 20) + 1) + "\""
        #expect(parseError(atLimit) == nil)
        #expect(parseError(overLimit) == JSONParseError(.stringTooLong(limit: 1 << 20), offset: 0))
    }
}
