import type { Config } from '../config.ts';

export type AppConfigDingTalk = NonNullable<Config['dingtalk']>;
export type AppConfigFeishu = NonNullable<Config['feishu']>;
export type AppConfigWeCom = NonNullable<Config['wecom']>;
export type AppConfigSlack = NonNullable<Config['slack']>;
export type AppConfigMattermost = NonNullable<Config['mattermost']>;
