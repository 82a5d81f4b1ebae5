import { compare, hash } from 'bcrypt';

/** bcrypt with the configured cost; `verify` on an unknown user still spends the same time. */
export class PasswordHasher {
  private readonly decoy: Promise<string>;

  constructor(private readonly cost: number) {
    // A hash of nothing anyone knows, so a login for an unknown username costs a real compare.
    this.decoy = hash(`decoy-${Math.random()}-${Date.now()}`, cost);
  }

  hash(password: string): Promise<string> {
    return hash(password, this.cost);
  }

  async verify(password: string, passwordHash: string | undefined): Promise<boolean> {
    const matches = await compare(password, passwordHash ?? (await this.decoy));
    return passwordHash !== undefined && matches;
  }
}
