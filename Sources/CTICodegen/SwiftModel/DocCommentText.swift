/// The lines of a doc comment paragraph, wrapped to a width.
enum DocCommentText {
    /// `paragraph` as lines of at most `width` columns: each line break in it is kept, each of its
    /// lines is filled word by word (a word longer than the width stands alone), and the text is made
    /// safe for a comment (see ``Literals/commentText(_:)``).
    static func lines(of paragraph: String, width: Int) -> [String] {
        var result: [String] = []
        for line in hardLines(of: paragraph) {
            let text = Literals.commentText(line)
            if text.count <= width {
                result.append(text.trimmingTrailingSpaces)
                continue
            }
            var current = ""
            for word in text.split(separator: " ", omittingEmptySubsequences: true) {
                if current.isEmpty {
                    current = String(word)
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    result.append(current)
                    current = String(word)
                }
            }
            result.append(current)
        }
        return result
    }

    /// The lines of a paragraph: split at every line break, blank lines left out.
    private static func hardLines(of paragraph: String) -> [Substring] {
        // In ASCII text a line break is one of four bytes (`\r\n` splits into an empty line, left out too).
        guard paragraph.utf8.allSatisfy({ $0 < 0x80 }) else { return paragraph.split(whereSeparator: \.isNewline) }
        return paragraph.utf8.split { (0x0A...0x0D).contains($0) }.map { Substring($0) }
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        guard utf8.last == UInt8(ascii: " ") else { return self }
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
