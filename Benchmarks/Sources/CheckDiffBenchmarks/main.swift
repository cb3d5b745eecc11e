// The `generate --check` diff beside the standard library's `difference(from:)`, on pairs of files
// given as arguments (OLD NEW OLD NEW ...). For each pair: the time of the whole unified diff that
// `--check` prints (`UnifiedDiff.diff`, with its own line matcher), and the time of
// `difference(from:)` over the same lines, which a diff built on it would need before any output.
// Medians of 5 runs, in turns. See ../../../BENCHMARKS.md.
import CTICodegen
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard !arguments.isEmpty, arguments.count.isMultiple(of: 2) else {
    FileHandle.standardError.write(Data("usage: CheckDiffBenchmarks OLD NEW [OLD NEW ...]\n".utf8))
    exit(2)
}

func median(_ samples: [Duration]) -> Double {
    let sorted = samples.sorted()
    let middle = sorted[sorted.count / 2]
    return Double(middle.components.seconds) + Double(middle.components.attoseconds) / 1e18
}

print("| old | new | lines (old / new) | unified diff (`--check`) | `difference(from:)` alone | ratio |")
print("|---|---|---:|---:|---:|---:|")
let clock = ContinuousClock()
for pair in stride(from: 0, to: arguments.count, by: 2) {
    let (oldPath, newPath) = (arguments[pair], arguments[pair + 1])
    guard let old = try? String(contentsOfFile: oldPath, encoding: .utf8),
        let new = try? String(contentsOfFile: newPath, encoding: .utf8)
    else {
        FileHandle.standardError.write(Data("cannot read \(oldPath) or \(newPath)\n".utf8))
        exit(2)
    }
    let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false)
    let newLines = new.split(separator: "\n", omittingEmptySubsequences: false)
    var ours: [Duration] = []
    var standard: [Duration] = []
    var sink = 0
    for _ in 0..<5 {
        ours.append(clock.measure { sink &+= UnifiedDiff.diff(old: old, new: new, oldName: "a", newName: "b").utf8.count })
        standard.append(clock.measure { sink &+= newLines.difference(from: oldLines).count })
    }
    let (mine, theirs) = (median(ours), median(standard))
    let name = { (path: String) in URL(fileURLWithPath: path).lastPathComponent }
    print("| \(name(oldPath)) | \(name(newPath)) | \(oldLines.count) / \(newLines.count) | \(String(format: "%.4f", mine)) s | \(String(format: "%.4f", theirs)) s | \(String(format: "%.1f", theirs / mine)) |")
    if sink == 42 { print("") }  // keeps the results alive
}
