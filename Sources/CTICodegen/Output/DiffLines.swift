/// A text cut into lines for diffing, compared byte for byte.
struct DiffLines {
    /// The text's bytes.
    let bytes: [UInt8]
    /// Each line's bytes, including its line feed (the last line may have none).
    let lines: [ArraySlice<UInt8>]

    /// Cuts `text` after every line feed.
    init(_ text: String) {
        bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.endIndex { lines.append(bytes[start...]) }
        self.lines = lines
    }

    /// Numbers the lines of two texts so that equal lines (byte for byte) get equal numbers.
    static func identifiers(_ old: DiffLines, _ new: DiffLines) -> (old: [Int], new: [Int]) {
        var numbers: [ArraySlice<UInt8>: Int] = [:]
        func number(_ line: ArraySlice<UInt8>) -> Int {
            if let known = numbers[line] { return known }
            numbers[line] = numbers.count
            return numbers.count - 1
        }
        return (old.lines.map(number), new.lines.map(number))
    }
}
