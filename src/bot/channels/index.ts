/** The office chats that are on, from the configuration: adding a platform is adding a file and a line here. */
import type { Config } from '../config.ts';
import type { ChannelAdapter } from './channel.ts';
import { createDingTalk } from './dingtalk.ts';
import { createFeishu } from './feishu.ts';
import { createWeCom } from './wecom.ts';
import { createSlack } from './slack.ts';
import { createMattermost } from './mattermost.ts';

export function enabledAdapters(config: Config): ChannelAdapter[] {
  const adapters: ChannelAdapter[] = [];
  if (config.dingtalk) adapters.push(createDingTalk(config.dingtalk));
  if (config.feishu) adapters.push(createFeishu(config.feishu));
  if (config.wecom) adapters.push(createWeCom(config.wecom));
  if (config.slack) adapters.push(createSlack(config.slack));
  if (config.mattermost) adapters.push(createMattermost(config.mattermost));
  return adapters;
}
