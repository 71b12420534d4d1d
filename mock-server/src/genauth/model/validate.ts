import { fail } from '../errors';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?\d{5,15}$/;

/** A non-empty string, else 2231 naming the field. */
export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw fail(2231, { field });
  return value;
}

/** An optional string (undefined/null → null); other types → 2510. */
export function optionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw fail(2510, { field });
  return value;
}

/** A well-formed e-mail, else 2231 (missing) or 2003. */
export function requireEmail(value: unknown): string {
  const email = requireString(value, 'email');
  if (!EMAIL.test(email)) throw fail(2003, { email });
  return email;
}

/** A phone number (digits, optional `+`), else 2231 (missing) or 2028. */
export function requirePhone(value: unknown): string {
  const phone = requireString(value, 'phone');
  if (!PHONE.test(phone)) throw fail(2028, { phone });
  return phone;
}

/** Minimum password length the mock's pools enforce. */
export function checkPasswordLength(password: string): void {
  if (password.length < 6) throw fail(2029);
}
