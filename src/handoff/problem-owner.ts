import type { Content } from '../content/types';

/** Owner ids in owners.yaml (facts.md §2–§4); code decides between them, content says who they are and how to reach them. */
export const OWNERS = {
  euLogin: 'eu_login_support',
  tracesAdmin: 'traces_admin',
  authority: 'competent_authority',
  skal: 'skal',
} as const;
export type OwnerId = (typeof OWNERS)[keyof typeof OWNERS];

/** The three kinds of problem with different owners. */
export type ProblemArea = 'eu_login' | 'access' | 'company';
export const PROBLEM_AREAS: readonly ProblemArea[] = ['eu_login', 'access', 'company'];

export function areaOfOwner(owner: string | undefined): ProblemArea | undefined {
  switch (owner) {
    case OWNERS.euLogin:
      return 'eu_login';
    case OWNERS.tracesAdmin:
    case OWNERS.authority:
      return 'access';
    case OWNERS.skal:
      return 'company';
    default:
      return undefined;
  }
}

/**
 * Who owns a problem: EU Login support for EU Login; for pending access the organisation's TRACES administrator when
 * the company is already valid (colleagues work in TRACES), else the competent authority / control body; Skal for
 * company or certificate data. The TRACES helpdesk owns none of these (facts.md §3).
 */
export function ownerFor(area: ProblemArea, companyAlreadyValid?: boolean): OwnerId {
  switch (area) {
    case 'eu_login':
      return OWNERS.euLogin;
    case 'access':
      return companyAlreadyValid === true ? OWNERS.tracesAdmin : OWNERS.authority;
    case 'company':
      return OWNERS.skal;
  }
}

export interface Problem {
  area?: ProblemArea;
  /** The node the problem was found in (the last one with an owner). */
  topic?: string;
}

/** The problem behind a request for a person: the most recent node with an owner, else "access" once access was requested. */
export function problemFromTrail(content: Content, trail: readonly string[], accessRequested: boolean): Problem {
  for (let i = trail.length - 1; i >= 0; i -= 1) {
    const area = areaOfOwner(content.nodes.get(trail[i])?.owner);
    if (area) return { area, topic: trail[i] };
  }
  return accessRequested ? { area: 'access' } : {};
}

/** Fails at start-up, with a sentence, when owners.yaml lacks an owner the handoff needs. */
export function checkOwners(content: Content): void {
  const missing = Object.values(OWNERS).filter((id) => !content.owners.has(id));
  if (missing.length > 0) throw new Error(`owners.yaml needs the owners ${missing.join(', ')} for the handoff; add them.`);
}
