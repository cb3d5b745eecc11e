import Testing
@testable import CTIRuntime

@Suite("JSONNumber")
struct JSONNumberTests {
    @Test(arguments: ["0", "-0", "1.5", "1.50", "1e5", "1E+5", "1e-5", "-0.0e0", "123", "0.000001", "12345678901234567890123"])
    func acceptsValidText(_ text: String) {
        #expect(JSONNumber(text: text)?.text == text)
    }

    @Test(arguments: ["", "-", "01", "+1", "1.", ".1", "1e", "1e+", "--1", " 1", "1 ", "0x1", "NaN", "Infinity", "1_000", "1,5", "\u{661}"])
    func rejectsInvalidText(_ text: String) {
        #expect(JSONNumber(text: text) == nil)
    }

    @Test(arguments: [
        ("0", 0), ("-0", 0), ("42", 42), ("-17", -17),
        ("1e2", 100), ("1E+2", 100), ("1.0", 1), ("2.50e1", 25), ("100e-2", 1), ("0.001e3", 1), ("-1.500e3", -1500),
        ("0e999999999999999999999", 0), ("0.0", 0),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
        ("9.223372036854775807e18", Int.max), ("-9.223372036854775808e18", Int.min),
    ] as [(String, Int)])
    func intValueOfExactIntegers(_ text: String, _ expected: Int) {
        #expect(JSONNumber(text: text)?.intValue == expected)
    }

    @Test(arguments: [
        "1.5", "1e-1", "0.5e0", "9223372036854775808", "-9223372036854775809", "1e19", "1e999999999999999999",
        "123456789012345678901234567890", "9.2233720368547758075e18", "1.0000000000000000000001",
    ])
    func intValueIsNilUnlessExact(_ text: String) {
        #expect(JSONNumber(text: text)?.intValue == nil)
        #expect(JSONNumber(text: text) != nil)
    }

    @Test func doubleValue() {
        #expect(JSONNumber(text: "1.5")?.doubleValue == 1.5)
        #expect(JSONNumber(text: "-2.5E-3")?.doubleValue == -0.0025)
        #expect(JSONNumber(text: "9007199254740993")?.doubleValue == 9_007_199_254_740_992)
        #expect(JSONNumber(text: "-0")?.doubleValue?.sign == .minus)
        #expect(JSONNumber(text: "1e400")?.doubleValue == nil)
        #expect(JSONNumber(text: "1e-400")?.doubleValue == 0)
    }

    @Test func fromInt() {
        #expect(JSONNumber(0).text == "0")
        #expect(JSONNumber(-42).text == "-42")
        #expect(JSONNumber(Int.min).text == "-9223372036854775808")
        #expect(JSONNumber(Int.min).intValue == Int.min)
    }

    @Test func fromDoubleUsesShortestRoundTripText() {
        #expect(JSONNumber(0.1)?.text == "0.1")
        #expect(JSONNumber(1.0)?.text == "1.0")
        #expect(JSONNumber(-0.0)?.text == "-0.0")
        #expect(JSONNumber(1e-5)?.text == "1e-05")
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Double.infinity) == nil)
        #expect(JSONNumber(-Double.infinity) == nil)
    }

    @Test func doubleTextIsValidJSONAndReadsBackExactly() throws {
        var generator = SplitMix64(seed: 42)
        var samples: [Double] = [
            0, 1, -1, 0.1, 1e-7, 1e21, 1e22, 123456789.125, .ulpOfOne, .leastNonzeroMagnitude,
            .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        ]
        while samples.count < 2_000 {
            let candidate = Double(bitPattern: generator.next())
            if candidate.isFinite { samples.append(candidate) }
        }
        for double in samples {
            let number = try #require(JSONNumber(double))
            #expect(JSONNumber(text: number.text) != nil, "\(number.text) is not JSON")
            #expect(number.doubleValue == double)
        }
    }

    @Test func equalityComparesText() {
        #expect(JSONNumber(text: "1.5") != JSONNumber(text: "1.50"))
        #expect(JSONNumber(text: "1.5") == JSONNumber(1.5))
        #expect(JSONNumber(7) == JSONNumber(text: "7"))
        #expect(JSONNumber(text: "2.50")?.description == "2.50")
    }
}
