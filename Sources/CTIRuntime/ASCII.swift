/// Byte values of the ASCII characters that structure JSON.
enum ASCII {
    static let quote: UInt8 = 0x22         // "
    static let backslash: UInt8 = 0x5C     // \
    static let comma: UInt8 = 0x2C         // ,
    static let colon: UInt8 = 0x3A         // :
    static let leftBracket: UInt8 = 0x5B   // [
    static let rightBracket: UInt8 = 0x5D  // ]
    static let leftBrace: UInt8 = 0x7B     // {
    static let rightBrace: UInt8 = 0x7D    // }
    static let minus: UInt8 = 0x2D         // -
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
}
