// HTTP calls of the admin page. The admin token travels in the Authorization header only.
import type { CreateMeetingRequest, CreateMeetingResponse, RuleSet } from '@hallvote/shared';
import { noAnswer, type HttpReply } from '../reply';
import { adminStore } from './store';

const unreachable = noAnswer('unreachable');

export async function loadPresets(): Promise<void> {
  try {
    const res = await fetch('/api/presets');
    const body = (await res.json()) as HttpReply<RuleSet[]>;
    adminStore.setState(body.ok ? { presets: body.data, presetsFailed: false } : { presetsFailed: true });
  } catch {
    adminStore.setState({ presetsFailed: true });
  }
}

export async function createMeeting(request: CreateMeetingRequest): Promise<void> {
  const token = adminStore.getState().token;
  if (!token) return;
  adminStore.setState({ busy: true, refusal: null });
  let reply: HttpReply<CreateMeetingResponse>;
  try {
    const res = await fetch('/api/meetings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
    });
    reply = (await res.json()) as HttpReply<CreateMeetingResponse>;
  } catch {
    reply = unreachable;
  }
  adminStore.setState(reply.ok ? { busy: false, created: reply.data } : { busy: false, refusal: reply });
}
