import Foundation
import SafeText

/// Standard output written line by line in blocks of 64 KB, each line sanitised as `printOut` does: for
/// output streamed as it is read (`list --format csv`), where one string of the whole document would
/// hold the caseload twice over.
struct LineOutput {
    private var buffer: [UInt8] = []
    private static let block = 64 * 1024

    init() { buffer.reserveCapacity(LineOutput.block + 4096) }

    mutating func line(_ s: String) {
        buffer.append(contentsOf: Sanitise.forText(s).utf8)
        buffer.append(0x0A)
        if buffer.count >= LineOutput.block { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        StandardStream.write(bytes: buffer, to: STDOUT_FILENO)
        buffer.removeAll(keepingCapacity: true)
    }
}
