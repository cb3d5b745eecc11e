/// Finds a longest common subsequence of two line sequences with Myers' O((N+M)·D) algorithm in linear space
/// (the "middle snake" bisection), after trimming the common prefix and suffix and setting aside the lines
/// that occur on one side only (they cannot be part of any common subsequence).
struct LineMatcher {
    /// A pair of equal lines: an index into the old lines and one into the new lines.
    struct Match: Equatable {
        var old: Int
        var new: Int
    }

    /// The edit distance past which one bisection stops looking for the best split and takes the furthest
    /// point reached, trading a minimal diff for bounded time on files that have almost nothing in common.
    var costLimit = 4096

    /// The matched line pairs, in increasing order on both sides.
    func matches(old: [Int], new: [Int]) -> [Match] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        var result = (0..<prefix).map { Match(old: $0, new: $0) }
        let oldMiddle = prefix..<(old.count - suffix)
        let newMiddle = prefix..<(new.count - suffix)
        let inNew = Set(new[newMiddle])
        let inOld = Set(old[oldMiddle])
        let oldKept = oldMiddle.filter { inNew.contains(old[$0]) }
        let newKept = newMiddle.filter { inOld.contains(new[$0]) }
        var search = Search(a: oldKept.map { old[$0] }, b: newKept.map { new[$0] }, costLimit: costLimit)
        search.match(0, search.a.count, 0, search.b.count)
        result += search.found.map { Match(old: oldKept[$0.old], new: newKept[$0.new]) }
        result += (0..<suffix).map { Match(old: old.count - suffix + $0, new: new.count - suffix + $0) }
        return result
    }

    private struct Search {
        let a: [Int]
        let b: [Int]
        let costLimit: Int
        var found: [Match] = []

        init(a: [Int], b: [Int], costLimit: Int) {
            self.a = a
            self.b = b
            self.costLimit = costLimit
        }

        /// Appends the matches between `a[aLow..<aHigh]` and `b[bLow..<bHigh]`, in order.
        mutating func match(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) {
            var aLow = aLow, bLow = bLow, aHigh = aHigh, bHigh = bHigh
            while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] {
                found.append(Match(old: aLow, new: bLow))
                aLow += 1
                bLow += 1
            }
            var suffix = 0
            while aLow < aHigh, bLow < bHigh, a[aHigh - 1] == b[bHigh - 1] {
                aHigh -= 1
                bHigh -= 1
                suffix += 1
            }
            if aLow < aHigh, bLow < bHigh, let (x, y) = split(aLow, aHigh, bLow, bHigh),
                (aLow...aHigh).contains(x), (bLow...bHigh).contains(y),
                (x, y) != (aLow, bLow), (x, y) != (aHigh, bHigh)
            {
                match(aLow, x, bLow, y)
                match(x, aHigh, y, bHigh)
            }
            for offset in 0..<suffix { found.append(Match(old: aHigh + offset, new: bHigh + offset)) }
        }

        /// A point on a shortest edit path through the box, found where the forward and backward searches
        /// meet; nil when no path was found (never for non-empty boxes).
        private func split(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int)? {
            let n = aHigh - aLow
            let m = bHigh - bLow
            let maxD = (n + m + 1) / 2
            let offset = maxD
            let length = 2 * maxD + 2
            var forward = [Int](repeating: -1, count: length)
            var backward = [Int](repeating: -1, count: length)
            forward[offset + 1] = 0
            backward[offset + 1] = 0
            let delta = n - m
            let checkInForward = delta % 2 != 0
            var forwardStart = 0, forwardEnd = 0, backwardStart = 0, backwardEnd = 0
            var bestForward = (x: 0, y: 0), bestBackward = (x: 0, y: 0)
            for d in 0..<maxD {
                if d > costLimit {
                    // Too expensive: split where either search got furthest.
                    return bestForward.x + bestForward.y >= bestBackward.x + bestBackward.y
                        ? (aLow + bestForward.x, bLow + bestForward.y)
                        : (aLow + n - bestBackward.x, bLow + m - bestBackward.y)
                }
                var k = -d + forwardStart
                while k <= d - forwardEnd {
                    let index = offset + k
                    var x = k == -d || (k != d && forward[index - 1] < forward[index + 1])
                        ? forward[index + 1] : forward[index - 1] + 1
                    var y = x - k
                    while x < n, y < m, a[aLow + x] == b[bLow + y] {
                        x += 1
                        y += 1
                    }
                    forward[index] = x
                    if x > n {
                        forwardEnd += 2
                    } else if y > m {
                        forwardStart += 2
                    } else {
                        if x + y > bestForward.x + bestForward.y { bestForward = (x, y) }
                        if checkInForward {
                            let other = offset + delta - k
                            if other >= 0, other < length, backward[other] != -1, x >= n - backward[other] {
                                return (aLow + x, bLow + y)
                            }
                        }
                    }
                    k += 2
                }
                k = -d + backwardStart
                while k <= d - backwardEnd {
                    let index = offset + k
                    var x = k == -d || (k != d && backward[index - 1] < backward[index + 1])
                        ? backward[index + 1] : backward[index - 1] + 1
                    var y = x - k
                    while x < n, y < m, a[aHigh - 1 - x] == b[bHigh - 1 - y] {
                        x += 1
                        y += 1
                    }
                    backward[index] = x
                    if x > n {
                        backwardEnd += 2
                    } else if y > m {
                        backwardStart += 2
                    } else {
                        if x + y > bestBackward.x + bestBackward.y { bestBackward = (x, y) }
                        if !checkInForward {
                            let other = offset + delta - k
                            if other >= 0, other < length, forward[other] != -1, forward[other] >= n - x {
                                let forwardX = forward[other]
                                return (aLow + forwardX, bLow + forwardX - (delta - k))
                            }
                        }
                    }
                    k += 2
                }
            }
            return nil
        }
    }
}
