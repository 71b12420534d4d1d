/**
 * Bundled development keys (never generated at boot, so cold start stays fast and tokens survive
 * restarts). They are public test keys: never use them outside the mock.
 */

/** RSA-1024 key pair of `GET /api/v2/.well-known`: clients encrypt passwords with its public half. */
export const PASSWORD_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC5ZvvyJ+TLD6+9ugWXIZ8v+1lF
RHR7bH3jJJQHFhff1jEAIrp2g3dUYGiLUNGQ4T7x8hkkEaEXtR2PJZExMgzl2y0v
1xO7jTewiDEy3TcjZeDnZL9pDL6tqWgjbpP7kdml2TWgqjQRDXzQK33YqGH5tcqe
otKHNah55FiQffKJPQIDAQAB
-----END PUBLIC KEY-----
`;

/** Private half of {@link PASSWORD_PUBLIC_KEY}: decrypts the passwords clients send. */
export const PASSWORD_PRIVATE_KEY = `-----BEGIN RSA PRIVATE KEY-----
MIICXAIBAAKBgQC5ZvvyJ+TLD6+9ugWXIZ8v+1lFRHR7bH3jJJQHFhff1jEAIrp2
g3dUYGiLUNGQ4T7x8hkkEaEXtR2PJZExMgzl2y0v1xO7jTewiDEy3TcjZeDnZL9p
DL6tqWgjbpP7kdml2TWgqjQRDXzQK33YqGH5tcqeotKHNah55FiQffKJPQIDAQAB
AoGBAK+q9G2tfwsoAcwyxbk9EifUb/FBu1x2n5Dox5kvRc/Akw0d2q8QQbCg6G2Y
VfiAc7OrQEb8rTZZVXicj8WdNrm05O3yTfGFwMUrabo17fsnLZ1gM05ZlHDA8Wmk
Z7JWtwm+yCYFY8yG5xVUgKo9PnNoIFikIXUhMRn/YaTajnIBAkEA8Hp91Hw+Xzpq
mBnddW+2JCnYMB+IXMjm1T2942JsYATmX1hBcL/zAAPu6hyRWb9l8uxUZeI+MwTU
aJFxD0Ud9QJBAMVecx4/Ny2ma/KrEPAW6DB2dqTB/HhogjSo3m3E01cgiW3JKu0p
HDo+6hzP5xOg/c01fTVglLllMyswlERyqSkCQD3WAY0l9ZPfHZHG9N9BvoBGEkUt
lo7lShYDLlTN9jgqimJx+0HW2dFjMYgZmHaPdNOmWX1pU70ivMu2um/GwhECQCDU
Pge48h+ov+nkZHPbC5IMEl4DWlBY6deCg0T06UZjxhg5zucV4Hkbv+s89a3BKJY6
oHIBd5uC5sj3UqI0BEkCQD6H/5R+x2b4bAlqa1fEKBQyclSTgDHBml4IdqB8CKrC
9OqI1FE+sbFxBVxsmqSYmLFQ1QtOAwk38oGUysrOloM=
-----END RSA PRIVATE KEY-----
`;

/** RSA-2048 key RS256 apps sign tokens with; its public half is served as a JWKS. */
export const TOKEN_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC5k4vYx3lTYmOJ
KmBF+l7utowNqNUVEJ2HPmkhxhHZRE9TatXugBK/XCjjTWguIUmYfm9AWTcEfZcv
1aiB5ztJ1eexyMCg/tQxoHYmeTsgZNR0ma/25FJx09syZofrwuCU6TvTTNtXhQwB
gRzhh6o5a6nIx/i1NfWQ0bsPIeBNrrxysOIbrTrPXKsk3kp1e0WEztI+68C+Te1y
Sx/Ml/DFd7NGwPVCUy14AWApIt5AgAX5dt4XcWjftczHX7gNG1kEhdKvC9vm2CJL
lwUFtwjELRRSUHS2/xgTAEwi5lQdFkddXQ2wqwXOv7M5icP07r3PgC0CN6iux1jS
BfvEIOC1AgMBAAECggEAQnOCmrwHBmRPZyEM+1Hlp44nhYak0peyCOlAxS7DWmz7
CNBTTcV/sRVDsO0ZdpdF3ry7gqvPpyR/vEnCPs35rX1Sq5dK3vuRKTofxLQZh4aD
i0MzPvHQUeE+dwQ+/J26RKhl20qEqojCXVGJ8XpeapRSZkqxFNZ/Gf34ATmss7PX
u1TYwNre0hF09gfR3rgPGcNct4CNQc7PFDrR7yr48eycfNK3mIL/dMhjA4WFFcNf
OBuMzEVhP+ofrP/xc0+Fe7HREP4vkua4eu7rw/Vo+MZ1otj/Xww/baGJ1x35dKTM
eJ84tspzusGYlNUZ0lW8oNNPMGNW/k1TDDexBbC/2wKBgQDc8BvfdqR56WUq1COZ
E9aE4EBxct8Mp6xwcNz7Un//Lsk2Kmg6QaBrOUsSYK5XSB3IcGQOG40aQDzLaB/i
olfxZVMUrofUokFeOwgMxoVza/1pXHrDFM97uJTMCsiIBgwF97xfB+dDdDg4gRgo
HdKLEVFaDwF3d/t023lPjVFr/wKBgQDXBtPSXEyPYmY8M5gx+QkLLEnB03WLUC3Q
SwmutOoOFVCOCUrVa83qlREvvGrEqrKo1tEfCpFKqlKgp3azFEHxSY/GM7Ugs1uv
hZwlL8LruRgr4wxqPbRhfyIu67yB1UpgJN8aiQeKSqG2DFn+xDzJ0oMPlXvZ3zku
U8czY/3DSwKBgFNgWWRvRYqsRX1wKS7viZkDd85YZ0xDSpP0Q7CkZaFLaquCPWse
sQdFy8rXqXNOx86Ie3nHc+xgKZEpbj78vOtgLYY0hxX7VWfWJyeLE3mHW06Tk9Bi
3hn2glCuERckEQ1/fBrwxJl0FnNcZF1fQ8Eve9/codUP9lkXKiSXVA7JAoGBANFZ
vVv/Ly8ez4jndtOYsnxlVz5WIghMPP6iQEAPth2WFQLk+y4FMsuk7MG8QXtO8nk+
BQai5Eh8wcvWn9PE8lr4kvmXGE9JMQgYHql58d5NLMJ14X2CrB+MhvyF2dfSkQJA
g9My/NtgxEcZiXlpGAIrahz/HkFGe0amnLhlLwk3AoGAHwHKR5G4vimPqrh4nkN6
Eop+d/PDSibuYATDrLHq28NH1YNQNEmFkn2RQ9B2Ip7QYAR6L56qtDQWGrKQgvvF
/TG/bFp3wvvkUWvB8aNVYg8ziaAQX7sVQj8NBoT7vu7gKpwhO2SpQ1BE+3k6m8vM
pGiZaq6wSuPrj3RN8k6MPB0=
-----END PRIVATE KEY-----
`;

/** Key id of {@link TOKEN_PRIVATE_KEY} in the JWKS. */
export const TOKEN_KEY_ID = 'genauth-mock-rs256-1';
